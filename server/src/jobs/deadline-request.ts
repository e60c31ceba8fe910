// Reads what a calculate-deadlines service task asks for. BPMN carries only timescale ids and the name of
// the variable a deadline counts from — never a value — so a timescale change needs no BPMN change.
//
//   <zeebe:header key="timescales" value="oocdAssessment, oocdDecision@bailDate" />
//   <zeebe:header key="from" value="referralReceivedAt" />   (optional; default: now)
//
// `from` may list alternatives, first present wins: "orderMadeAt|now" (a re-assessment has no order date).
// `id@variable` counts that one timescale from another variable; `name=id` stores the result under another
// name (`reviewDue=planReview` → `deadlines.reviewDue`), so one task can take its due date from either of
// two timescales depending on the path taken. Variables `deadlineTimescales` (list or
// comma string) and `deadlineFrom` are used when the headers are absent (e.g. set by a call activity).
import type { Job } from '../ports/workflow-engine.port';

export interface DeadlineRequest {
  /** The variable key written under deadlines/reminders/escalations. */
  name: string;
  timescaleId: string;
  /** Variable path holding the start date; undefined = the moment the job runs. */
  fromVariable?: string;
}

const SPLIT = /[\s,]+/;

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') return v.split(SPLIT);
  return [];
}

export function readDeadlineRequests(job: Job): DeadlineRequest[] {
  const ids = asList(job.headers.timescales ?? job.variables.deadlineTimescales).filter(Boolean);
  const fromHeader = job.headers.from ?? job.variables.deadlineFrom;
  const defaultFrom = typeof fromHeader === 'string' && fromHeader.trim() ? fromHeader.trim() : undefined;
  return ids.map((entry) => {
    const [named, from] = entry.split('@');
    const [name, id] = named.includes('=') ? named.split('=') : [named, named];
    return { name, timescaleId: id, fromVariable: from || defaultFrom };
  });
}

/**
 * The start date for a request: the first alternative of "a|b|now" that is present. Returns undefined when
 * none is (a modelling mistake); a present value is returned as is, so a non-date still fails loudly.
 */
export function resolveStart(variables: Record<string, unknown>, from: string | undefined, now: Date): unknown {
  if (!from) return now;
  for (const alt of from.split('|').map((a) => a.trim())) {
    if (alt === 'now') return now;
    const v = readPath(variables, alt);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** Reads `a.b.c` from the variables. */
export function readPath(variables: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>(
    (acc, key) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined),
    variables,
  );
}

export function asRecord(v: unknown): Record<string, string> {
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, string>) } : {};
}
