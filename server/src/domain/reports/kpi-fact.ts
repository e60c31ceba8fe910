// One row of the KPI projection: the coded answers of one submission of a form that feeds a key
// performance indicator (kpi-sources.ts), with its case, the team whose task it was and the day it counts
// on. Derived from the stored submission and its task's queue row alone — both fixed once the task is
// completed — so the live projection and a rebuild from the submissions give the same row.
import { KPI_FORMS } from './kpi-sources';

export type KpiValue = string | number | boolean | string[];

export interface KpiFact {
  /** The submission's id. */
  id: string;
  caseId: string;
  team?: string;
  formId: string;
  /** The day the answers count on, YYYY-MM-DD (London): the form's own date, else the day it was submitted. */
  on: string;
  submittedAt: string;
  /** The kept answers, nested as in the submission ({ outcome: { type: 'yro' } }). */
  values: Record<string, unknown>;
}

export interface KpiSubmission {
  id: string;
  formId: string;
  caseId?: string;
  submittedAt: string;
  data: Record<string, unknown>;
}

/** The answer at a dotted path of nested answers. */
export function valueAt(values: Record<string, unknown>, path: string): unknown {
  let at: unknown = values;
  for (const part of path.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

const coded = (v: unknown): v is KpiValue => typeof v === 'number' || typeof v === 'boolean'
  || (typeof v === 'string' && v.length <= 64) || (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 64));

const DAY = /^\d{4}-\d{2}-\d{2}/;
// A date is its own day; a date-time is the London day it falls on (23:30 UTC on 30 June is 1 July).
const dayOf = (dated: string, civilDate: (iso: string) => string) =>
  dated.length > 10 && !Number.isNaN(Date.parse(dated)) ? civilDate(dated) : dated.slice(0, 10);

/** The fact of a submission, or undefined when the form feeds no indicator or the answers have no case. */
export function deriveKpiFact(s: KpiSubmission, team: string | undefined, civilDate: (iso: string) => string): KpiFact | undefined {
  const source = KPI_FORMS[s.formId];
  if (!source || !s.caseId) return undefined;
  const values: Record<string, unknown> = {};
  for (const path of source.keys) {
    const v = valueAt(s.data, path);
    if (!coded(v)) continue;
    const parts = path.split('.');
    let into = values;
    for (const p of parts.slice(0, -1)) into = (into[p] ??= {}) as Record<string, unknown>;
    into[parts.at(-1)!] = v;
  }
  const dated = source.on ? valueAt(s.data, source.on) : undefined;
  const on = typeof dated === 'string' && DAY.test(dated) ? dayOf(dated, civilDate) : civilDate(s.submittedAt);
  return { id: s.id, caseId: s.caseId, ...(team ? { team } : {}), formId: s.formId, on, submittedAt: s.submittedAt, values };
}

/** Two facts are the same row (the live projection and a rebuild are compared with this). */
export const sameKpiFact = (a: KpiFact, b: KpiFact): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** A value with its objects' keys sorted, so two equal values give the same JSON. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}
