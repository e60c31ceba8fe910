// Quarters of the YJB's returns follow the financial year: quarter 1 is April to June. A quarter is named
// by the year its financial year starts and its number, "2026-Q1" (April to June 2026) … "2026-Q4"
// (January to March 2027), and shown in words.
import { ValidationError } from '../errors';

export const QUARTER = /^(\d{4})-Q([1-4])$/;

export interface Quarter {
  id: string;
  /** First and last day, YYYY-MM-DD (London civil dates). */
  start: string;
  end: string;
  /** "April to June 2026 (2026/27 quarter 1)". */
  words: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

export function parseQuarter(id: string): Quarter {
  const m = QUARTER.exec(id);
  if (!m) throw new ValidationError('Choose a quarter', { quarter: 'Give a quarter as YYYY-Qn, for example 2026-Q1 (April to June 2026)' }, 'QUARTER_INVALID');
  const fy = Number(m[1]);
  const n = Number(m[2]);
  const firstMonth = ((n - 1) * 3 + 3) % 12 + 1; // Q1 → 4, Q2 → 7, Q3 → 10, Q4 → 1
  const year = n === 4 ? fy + 1 : fy;
  const endMonth = firstMonth + 2;
  return {
    id,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
    words: `${MONTHS[firstMonth - 1]} to ${MONTHS[endMonth - 1]} ${year} (${fy}/${pad((fy + 1) % 100)} quarter ${n})`,
  };
}

/** The quarter a civil date falls in. */
export function quarterOf(date: string): Quarter {
  const [y, mo] = date.split('-').map(Number);
  const fy = mo >= 4 ? y : y - 1;
  const n = mo >= 4 ? Math.floor((mo - 4) / 3) + 1 : 4;
  return parseQuarter(`${fy}-Q${n}`);
}

/** The quarter before. */
export function previousQuarter(q: Quarter): Quarter {
  const [fy, n] = [Number(q.id.slice(0, 4)), Number(q.id.slice(-1))];
  return parseQuarter(n === 1 ? `${fy - 1}-Q4` : `${fy}-Q${n - 1}`);
}

/** The quarters a data officer may choose on `today`: this one and the `count - 1` before it, newest first. */
export function recentQuarters(today: string, count: number): Quarter[] {
  const out = [quarterOf(today)];
  while (out.length < count) out.push(previousQuarter(out.at(-1)!));
  return out;
}
