// `npm run validate -- [--json] [--format auto|gtd|acled|ucdp|ours] FILE...`: checks CSV files
// against the schema (see validateFiles.ts).
import { runValidate } from './validateFiles'

process.exitCode = await runValidate(
  process.argv.slice(2),
  (line) => console.log(line),
  (line) => console.error(line),
)
