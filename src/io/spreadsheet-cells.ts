/** `0` -> `A`, `25` -> `Z`, `26` -> `AA`: a column as spreadsheets name it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Text safe to put in a spreadsheet cell: a value starting with `=`, `+`, `-` or `@` (or a tab or carriage
 * return, which some spreadsheets strip before looking) would run as a formula when the file is opened, so it
 * gets a leading apostrophe (OWASP, "CSV injection"). Ids, names and notes come from users' files and requests.
 * Numbers never go through here: a negative number is a number, not a formula.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting, only when the field needs it (the delimiter, a quote or a line break inside). */
export function quoteCsvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A text cell of a CSV export: neutralised, then quoted. */
export function csvTextCell(value: string, delimiter = ','): string {
  return quoteCsvField(neutraliseFormula(value), delimiter);
}
