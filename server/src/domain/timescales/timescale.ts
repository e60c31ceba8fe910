// A timescale is configuration, not code: its value and unit are edited by managers, and its source
// (statute, guidance or local procedure) stays beside it so a reader can check why it applies.

export const DURATION_UNITS = ['workingDays', 'calendarDays', 'weeks', 'months', 'years'] as const;
/** Not durations: a number of events (warnings before breach) or a frequency (contacts a month). */
export const QUANTITY_UNITS = ['count', 'perMonth'] as const;
export const TIMESCALE_UNITS = [...DURATION_UNITS, ...QUANTITY_UNITS] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number];
export type TimescaleUnit = (typeof TIMESCALE_UNITS)[number];
export type Direction = 'after' | 'before';

export interface Timescale {
  /** camelCase: BPMN reads deadlines as FEEL paths, `=deadlines.oocdAssessment`. */
  id: string;
  label: string;
  /** The trigger → deadline wording of the specification table. */
  trigger: string;
  value: number;
  unit: TimescaleUnit;
  /** "before" counts back from the anchor (QA sign-off 2 WD before court). */
  direction: Direction;
  /** What the deadline counts from, in words (the process supplies the actual date). */
  countsFrom: string;
  status: string;
  source: string;
  /** The default as written in the specification, kept for the record. */
  defaultText: string;
}

export interface TimescaleChange {
  timescaleId: string;
  before: { value: number; unit: TimescaleUnit };
  after: { value: number; unit: TimescaleUnit };
}

/** One immutable version of the whole set. Version 1 is the shipped file; each edit appends the next. */
export interface TimescaleSet {
  version: number;
  timescales: Timescale[];
  createdAt: string;
  createdBy: string;
  reason: string;
  change?: TimescaleChange;
}

export interface TimescaleEdit {
  value: unknown;
  unit: unknown;
  reason: unknown;
}

export const isDurationUnit = (unit: string): unit is DurationUnit =>
  (DURATION_UNITS as readonly string[]).includes(unit);

export const isTimescaleUnit = (unit: unknown): unit is TimescaleUnit =>
  typeof unit === 'string' && (TIMESCALE_UNITS as readonly string[]).includes(unit);

export function findTimescale(set: TimescaleSet, id: string): Timescale | undefined {
  return set.timescales.find((t) => t.id === id);
}
