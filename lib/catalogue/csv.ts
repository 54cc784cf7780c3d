// RFC 4180 CSV: every field quoted when it holds a comma, quote, CR or LF; quotes doubled; CRLF line ends.
// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) are prefixed with a quote.
export type CsvCell = string | number | boolean | null | undefined | readonly string[];

export function csvCell(v: CsvCell): string {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
