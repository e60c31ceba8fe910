// The KPI projection's store (domain/reports/kpi-fact.ts) and the stored submissions a rebuild reads.
import type { KpiFact, KpiSubmission } from '../domain/reports/kpi-fact';
import type { KpiCaseMonth } from '../domain/reports/kpi-case-months';
import type { FactChange } from './report-fact-repository.port';

export interface KpiFactRepository {
  /** Idempotent: stores the fact as given, replacing what was stored under its id. */
  put(fact: KpiFact): Promise<void>;
  /** Several changes in one write, in order (the live updater's batch). */
  apply(changes: readonly FactChange<KpiFact>[]): Promise<void>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<KpiFact | undefined>;
  /** Per month asked for ("YYYY-MM"), the summary of each case with a fact dated in it, kept with every change. */
  caseMonths(months: readonly string[]): Promise<ReadonlyMap<string, KpiCaseMonth>[]>;
  /** The rebuild's recount: the summaries made exactly those of these facts (every fact); what differed. */
  recount(facts: Iterable<KpiFact>, opts?: { dryRun?: boolean }): Promise<{ cases: number; months: string[] }>;
  /** Keyset page over every fact by id, for the rebuild's comparison. */
  page(afterId: string | undefined, limit: number): Promise<KpiFact[]>;
}

/** Stored submissions of the given forms, by id, and their task's team: what the projection derives from. */
export interface KpiSourceSubmissions {
  get(id: string): Promise<KpiSubmission & { taskId?: string } | undefined>;
  page(formIds: readonly string[], afterId: string | undefined, limit: number): Promise<(KpiSubmission & { taskId?: string })[]>;
  teamOfTask(taskId: string): Promise<string | undefined>;
  /** The case's team now: for answers given on no task (imported, or a demo's), which no task places. */
  teamOfCase(caseId: string): Promise<string | undefined>;
}
