// A grade scale as CSV (`grade,meaning`, best first), quoted and formula-escaped like the rows'
// export; read back by core/load/gradesCsv to the same grades.

import { EXCEL_FRIENDLY, toCsv, type CsvWriteOptions } from '../csv/write'
import type { Grade } from '../grades'

/** A grade scale as CSV (`grade,meaning`, best first), read back by core/load/sources. */
export function gradesToCsv(
  grades: readonly Grade[],
  options: CsvWriteOptions = EXCEL_FRIENDLY,
): string {
  return toCsv(
    ['grade', 'meaning'],
    grades.map((grade) => [grade.label, grade.meaning]),
    options,
  )
}
