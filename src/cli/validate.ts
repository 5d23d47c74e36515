// `npm run validate -- [--json] FILE...`: checks CSV files against the schema (see
// validateFiles.ts).
import { runValidate } from './validateFiles'

process.exitCode = runValidate(
  process.argv.slice(2),
  (line) => console.log(line),
  (line) => console.error(line),
)
