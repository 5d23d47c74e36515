// Formula escaping (CSV injection): a cell that a spreadsheet would run as a formula (`=`, `+`,
// `-`, `@`, a tab or line break first, or their full-width forms) is written with one apostrophe in
// front, and the import takes exactly that apostrophe off again, so that a value survives
// import(export(value)) unchanged while no cell of a download starts a formula. A plain number such
// as `-5` or `+1.5e3` is no formula and is left as it is.

/** First characters that make a spreadsheet read a cell as a formula (OWASP, plus full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** Would a spreadsheet run `value`, once any leading apostrophes are removed, as a formula? */
function isFormulaLike(value: string): boolean {
  const rest = value.replace(/^'+/, '')
  return FORMULA_START.test(rest) && !PLAIN_NUMBER.test(rest)
}

// Prefixes one apostrophe to a formula-like value. Values that already start with apostrophes
// before formula-like text get one more, so that unescapeFormula can always undo exactly one.
export function escapeFormula(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value
}

/** The inverse of escapeFormula: strips the one apostrophe it added. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && isFormulaLike(value) ? value.slice(1) : value
}
