// Comma-separated text as spreadsheets write it (RFC 4180): fields may be quoted, a quote inside a quoted
// field is doubled, quoted fields may hold commas and line breaks; lines end in CRLF or LF. Written here
// rather than taken from a package: this is all a school's export needs, and the parser must fail with a
// message a person can act on, never guess.
export type CsvTable = { rows: string[][] } | { problem: string };

export function parseCsv(text: string): CsvTable {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') return { problem: `Line ${line} has text after a closing quote: put the whole value inside the quotes` };
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && fieldStart) { quoted = true; fieldStart = false; continue; }
    if (ch === ',') { row.push(field); field = ''; fieldStart = true; continue; }
    if (ch === '\r' && text[i + 1] === '\n') continue;
    if (ch === '\n' || ch === '\r') { row.push(field); rows.push(row); row = []; field = ''; fieldStart = true; line++; continue; }
    if (ch === '\0') return { problem: 'This is not a text file: save the export as CSV (comma separated values)' };
    field += ch;
    fieldStart = false;
  }
  if (quoted) return { problem: 'A quoted value is never closed: check the file is a complete CSV export' };
  if (field || row.length) { row.push(field); rows.push(row); }
  return { rows };
}
