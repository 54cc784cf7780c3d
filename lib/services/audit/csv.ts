// CSV cells per RFC 4180, plus the spreadsheet formula-injection guard (OWASP "CSV injection"): a text cell that
// starts with = + - @ (or a tab / carriage return) gets a leading apostrophe, so it is shown, never evaluated.
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: (string | number | boolean | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
