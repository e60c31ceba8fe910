// The KPI projection's store (domain/reports/kpi-fact.ts) and the stored submissions a rebuild reads.
import type { KpiFact, KpiSubmission } from '../domain/reports/kpi-fact';
import type { FactChange } from './report-fact-repository.port';

export interface KpiFactRepository {
  /** Idempotent: stores the fact as given, replacing what was stored under its id. */
  put(fact: KpiFact): Promise<void>;
  /** Several changes in one write, in order (the live updater's batch). */
  apply(changes: readonly FactChange<KpiFact>[]): Promise<void>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<KpiFact | undefined>;
  /** Facts dated in [fromDay, toDay] (YYYY-MM-DD), of these teams only when given. */
  findOn(fromDay: string, toDay: string, teamsAny?: readonly string[]): Promise<KpiFact[]>;
  /** Every fact of these cases (the answers given before the period: an assessment at the start). */
  findOfCases(caseIds: readonly string[]): Promise<KpiFact[]>;
  /** Keyset page over every fact by id, for the rebuild's comparison. */
  page(afterId: string | undefined, limit: number): Promise<KpiFact[]>;
}

/** Stored submissions of the given forms, by id, and their task's team: what the projection derives from. */
export interface KpiSourceSubmissions {
  get(id: string): Promise<KpiSubmission & { taskId?: string } | undefined>;
  page(formIds: readonly string[], afterId: string | undefined, limit: number): Promise<(KpiSubmission & { taskId?: string })[]>;
  teamOfTask(taskId: string): Promise<string | undefined>;
}
