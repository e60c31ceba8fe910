// One search box for the cases list: a practitioner types what they know — a name or alias, a date of
// birth ("14 March 2010", "14/03/2010" or "2010-03-14"), an NHS number, a case reference — in any order,
// and every part must match. Names are compared with the product's one name normalisation
// (person-identity.ts), so a search finds "Siân O'Neil-Smith" however the referral spelt her.
import type { CaseStatus } from './case-record';
import type { CaseSearchRow, Rating } from './case-search-row';
import { RATINGS } from './case-search-row';
import { normaliseNhsNumber } from './nhs-number';
import { normaliseName } from './person-identity';

export interface SearchText {
  /** Normalised name words (each matches the start of a word of a name or alias). */
  words: string[];
  /** Dates of birth, YYYY-MM-DD. */
  dates: string[];
  nhsNumbers: string[];
  /** Upper-cased case references (tokens with a digit, or starting YJ-). */
  references: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function civil(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_FORMS: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => civil(+m[1], +m[2], +m[3])],
  [/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (m) => civil(+m[3], +m[2], +m[1])],
  [/\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i, (m) => {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    return month < 0 || !m[2].toLowerCase().startsWith(MONTHS[month]) ? undefined : civil(+m[3], month + 1, +m[1]);
  }],
];

/** Splits what was typed into its parts. A date that is no calendar day ("30/02/2010") is left as words. */
export function parseSearchText(q: string | undefined): SearchText {
  let rest = ` ${(q ?? '').normalize('NFC')} `;
  const dates: string[] = [];
  const nhsNumbers: string[] = [];
  for (const m of rest.matchAll(/(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])/g)) nhsNumbers.push(normaliseNhsNumber(m[0]));
  rest = rest.replace(/(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])/g, ' ');
  for (const [re, read] of DATE_FORMS) {
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const date = read(m);
      if (!date) break;
      dates.push(date);
      rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    }
  }
  const tokens = rest.split(/\s+/).filter(Boolean);
  const isReference = (t: string) => /\d/.test(t) || /^yj-/i.test(t);
  const references = tokens.filter(isReference).map((t) => t.toUpperCase());
  const words = normaliseName(tokens.filter((t) => !isReference(t)).join(' ')).split(' ').filter(Boolean);
  return { words: [...new Set(words)], dates: [...new Set(dates)], nhsNumbers: [...new Set(nhsNumbers)], references: [...new Set(references)] };
}

export const isBlank = (t: SearchText): boolean => !t.words.length && !t.dates.length && !t.nhsNumbers.length && !t.references.length;

/**
 * Every part must match. `wholeWords`: a name word must be a whole word of a name and a reference whole,
 * as for other teams' records, which are found only by what someone already knows of the child.
 */
export function matchesText(row: CaseSearchRow, t: SearchText, opts: { wholeWords?: boolean } = {}): boolean {
  const id = row.id.toUpperCase();
  return t.dates.every((d) => row.dateOfBirth === d)
    && t.nhsNumbers.every((n) => row.nhsNumber === n)
    && t.references.every((r) => id === r || (!opts.wholeWords && r.startsWith('YJ-') && r.length >= 5 && id.startsWith(r)))
    && t.words.every((w) => id === w.toUpperCase() || row.nameWords.some((n) => (opts.wholeWords ? n === w : n.startsWith(w))));
}

export interface CaseFilters {
  status?: CaseStatus;
  pathway?: string;
  /** A worker's user id; null: no case manager allocated. */
  worker?: string | null;
  rosh?: Rating;
  safetyWellbeing?: Rating;
  /** An outcome or order type the case has had. */
  disposal?: string;
}

export const hasFilters = (f: CaseFilters): boolean => Object.values(f).some((v) => v !== undefined);

export function matchesFilters(row: CaseSearchRow, f: CaseFilters): boolean {
  return (!f.status || row.status === f.status)
    && (!f.pathway || row.pathway === f.pathway)
    && (f.worker === undefined || (f.worker === null ? !row.caseManagerId : row.caseManagerId === f.worker))
    && (!f.rosh || row.rosh === f.rosh)
    && (!f.safetyWellbeing || row.safetyWellbeing === f.safetyWellbeing)
    && (!f.disposal || row.disposals.includes(f.disposal));
}

export const CASE_SORTS = ['name', 'date-of-birth', 'newest', 'oldest', 'risk'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const risk = (r: CaseSearchRow) => Math.max(RATINGS.indexOf(r.rosh as Rating), RATINGS.indexOf(r.safetyWellbeing as Rating));
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A total order (ties broken by name, then reference), so paging never repeats or skips a case. */
export function compareRows(sort: CaseSort): (a: CaseSearchRow, b: CaseSearchRow) => number {
  const tie = (a: CaseSearchRow, b: CaseSearchRow) => byText(a.sortName, b.sortName) || byText(a.id, b.id);
  switch (sort) {
    case 'date-of-birth': return (a, b) => byText(a.dateOfBirth, b.dateOfBirth) || tie(a, b);
    case 'newest': return (a, b) => byText(b.createdAt, a.createdAt) || tie(a, b);
    case 'oldest': return (a, b) => byText(a.createdAt, b.createdAt) || tie(a, b);
    case 'risk': return (a, b) => risk(b) - risk(a) || tie(a, b);
    default: return tie;
  }
}
