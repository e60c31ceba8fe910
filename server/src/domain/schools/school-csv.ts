// A school's export from its management information system (MIS) as the service accepts it: one row per
// pupil (a pupil with several exclusions has a row for each), the columns below in any order, headings
// compared without case, spaces, underscores or hyphens. A file with any problem is refused whole, every
// problem named by row and column, so a school corrects its export once rather than row by row.
import { parseCsv } from './school-csv-text';
import { civilDate, normaliseUpn, SEND_CODES, yesNo, type SchoolRow } from './school-row';

export const MAX_SCHOOL_CSV_BYTES = 500 * 1024;
export const MAX_SCHOOL_CSV_ROWS = 5000;
/** More than this many problems are summarised: a wrong file would otherwise list every cell. */
const MAX_PROBLEMS = 50;

type Column = Exclude<keyof SchoolRow, 'row' | 'exclusion'> | 'exclusionType' | 'exclusionStart' | 'exclusionEnd';
interface ColumnSpec { heading: string; aliases: string[]; required?: true }

/** The columns, with the heading the template uses and the other names MIS exports give them. */
export const SCHOOL_COLUMNS: Readonly<Record<Column, ColumnSpec>> = {
  upn: { heading: 'UPN', aliases: ['uniquepupilnumber'] },
  givenName: { heading: 'Forename', aliases: ['givenname', 'firstname', 'legalforename'], required: true },
  familyName: { heading: 'Surname', aliases: ['familyname', 'lastname', 'legalsurname'], required: true },
  dateOfBirth: { heading: 'Date of birth', aliases: ['dob', 'birthdate'], required: true },
  attendancePercent: { heading: 'Attendance %', aliases: ['attendance', 'attendancepercent', 'attendancepercentage'] },
  exclusionType: { heading: 'Exclusion type', aliases: ['exclusion'] },
  exclusionStart: { heading: 'Exclusion start', aliases: ['exclusionstartdate', 'exclusionfrom'] },
  exclusionEnd: { heading: 'Exclusion end', aliases: ['exclusionenddate', 'exclusionto'] },
  freeSchoolMeals: { heading: 'Free school meals', aliases: ['fsm', 'fsmeligible', 'freeschoolmealseligible'] },
  sendProvision: { heading: 'SEN provision', aliases: ['send', 'senprovision', 'sendprovision', 'senstatus'] },
};

const squash = (h: string) => h.toLowerCase().replace(/[\s_%-]+/g, '');
const LOOKUP = new Map<string, Column>(Object.entries(SCHOOL_COLUMNS).flatMap(([key, spec]) =>
  [spec.heading, ...spec.aliases].map((name) => [squash(name), key as Column] as [string, Column])));

export type SchoolCsvResult = { rows: SchoolRow[]; problems?: undefined } | { rows?: undefined; problems: Record<string, string> };

export function readSchoolCsv(text: string): SchoolCsvResult {
  const problems: Record<string, string> = {};
  const say = (where: string, message: string) => { if (Object.keys(problems).length < MAX_PROBLEMS) problems[where] ??= message; };
  const table = parseCsv(text.replace(/^\uFEFF/, ''));
  if ('problem' in table) return { problems: { file: table.problem } };
  const [headings, ...body] = table.rows;
  if (!headings?.some((h) => h.trim())) return { problems: { file: 'The file is empty: it needs a heading row and a row for each pupil' } };

  const columns: (Column | undefined)[] = headings.map((h) => LOOKUP.get(squash(h)));
  headings.forEach((h, i) => {
    if (!columns[i]) say(`column ${i + 1}`, `"${h.slice(0, 40)}" is not a column the import reads: use ${Object.values(SCHOOL_COLUMNS).map((c) => c.heading).join(', ')}`);
    else if (columns.indexOf(columns[i]) !== i) say(`column ${i + 1}`, `"${h.slice(0, 40)}" repeats the ${SCHOOL_COLUMNS[columns[i]!].heading} column`);
  });
  for (const [key, spec] of Object.entries(SCHOOL_COLUMNS)) {
    if (spec.required && !columns.includes(key as Column)) say(spec.heading, `The file has no ${spec.heading} column`);
  }
  if (!columns.some((c) => c && !SCHOOL_COLUMNS[c].required && c !== 'upn')) say('file', 'The file has no column of school data: give attendance, exclusions, free school meals or SEN provision');
  if (Object.keys(problems).length) return { problems };

  const rows = body.map((cells, i) => ({ cells, line: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim()));
  if (!rows.length) return { problems: { file: 'The file has headings but no pupils' } };
  if (rows.length > MAX_SCHOOL_CSV_ROWS) return { problems: { file: `The file has ${rows.length} pupils' rows: send at most ${MAX_SCHOOL_CSV_ROWS} in one file` } };

  const out: SchoolRow[] = [];
  for (const { cells, line } of rows) {
    if (cells.length !== headings.length) { say(`row ${line}`, `Row ${line} has ${cells.length} values for ${headings.length} columns`); continue; }
    const value = (c: Column) => { const i = columns.indexOf(c); return i < 0 ? '' : cells[i].trim(); };
    const at = (c: Column) => `row ${line}, ${SCHOOL_COLUMNS[c].heading}`;
    const row: SchoolRow = { row: line, givenName: value('givenName'), familyName: value('familyName'), dateOfBirth: '' };
    for (const c of ['givenName', 'familyName'] as const) {
      if (!row[c]) say(at(c), `Row ${line} has no ${SCHOOL_COLUMNS[c].heading.toLowerCase()}`);
      else if (row[c].length > 100) say(at(c), `Row ${line}: the ${SCHOOL_COLUMNS[c].heading.toLowerCase()} is longer than 100 characters`);
    }
    const dob = civilDate(value('dateOfBirth'));
    if (!dob) say(at('dateOfBirth'), `Row ${line}: the date of birth must be a real date written as 31/01/2012 or 2012-01-31`);
    else row.dateOfBirth = dob;
    if (value('upn')) {
      const upn = normaliseUpn(value('upn'));
      if (upn) row.upn = upn;
      else say(at('upn'), `Row ${line}: a UPN is 13 characters, a letter, 11 digits and a digit or letter, such as A123456789012`);
    }
    if (value('attendancePercent')) {
      const n = Number(value('attendancePercent').replace(/%$/, ''));
      if (!Number.isFinite(n) || n < 0 || n > 100) say(at('attendancePercent'), `Row ${line}: attendance must be a percentage from 0 to 100, such as 87.5`);
      else row.attendancePercent = Math.round(n * 10) / 10;
    }
    readExclusion(row, value, (c, m) => say(at(c), `Row ${line}: ${m}`));
    if (value('freeSchoolMeals')) {
      const fsm = yesNo(value('freeSchoolMeals'));
      if (!fsm) say(at('freeSchoolMeals'), `Row ${line}: free school meals must be Yes or No`);
      else row.freeSchoolMeals = fsm;
    }
    if (value('sendProvision')) {
      const send = SEND_CODES[squash(value('sendProvision'))];
      if (!send) say(at('sendProvision'), `Row ${line}: SEN provision must be N (none), K (SEN support) or E (education, health and care plan)`);
      else row.sendProvision = send;
    }
    out.push(row);
  }
  return Object.keys(problems).length ? { problems } : { rows: out };
}

function readExclusion(row: SchoolRow, value: (c: Column) => string, say: (c: Column, message: string) => void): void {
  const type = value('exclusionType').toLowerCase();
  const start = value('exclusionStart');
  const end = value('exclusionEnd');
  if (!type && !start && !end) return;
  const kind = /^(fixed|fixed[ -]?term|suspension|ft|susp)$/.test(type) ? 'fixed-term' : /^(permanent|perm|pex|p)$/.test(type) ? 'permanent' : undefined;
  if (!kind) { say('exclusionType', type ? 'the exclusion type must be Fixed-term (suspension) or Permanent' : 'an exclusion date is given without its type'); return; }
  const from = civilDate(start);
  if (!from) { say('exclusionStart', 'the exclusion start must be a real date written as 31/01/2026 or 2026-01-31'); return; }
  const to = end ? civilDate(end) : undefined;
  if (end && !to) { say('exclusionEnd', 'the exclusion end must be a real date written as 31/01/2026 or 2026-01-31'); return; }
  if (to && to < from) { say('exclusionEnd', 'the exclusion ends before it starts'); return; }
  row.exclusion = { type: kind, startDate: from, ...(to ? { endDate: to } : {}) };
}
