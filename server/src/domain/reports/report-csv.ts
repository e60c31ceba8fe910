// Report tables as CSV (RFC 4180: comma separated, CRLF, fields quoted when they hold a comma, quote or
// line break). A text cell starting with = + - @ is prefixed with an apostrophe, so a spreadsheet shows it
// instead of running it as a formula (CSV injection). Numbers are written as they are.
export type CsvCell = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const text = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(head: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
