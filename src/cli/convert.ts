// `npm run convert -- IN -o OUT.csv [--format auto|gtd|acled|ucdp|ours] [--date-format FORMAT]`:
// the page's import, column mapping included, from the command line (see convertFile.ts).
import { runConvert } from './convertFile'

process.exitCode = await runConvert(
  process.argv.slice(2),
  (line) => console.log(line),
  (line) => console.error(line),
)
