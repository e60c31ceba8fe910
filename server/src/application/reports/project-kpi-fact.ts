// What one submission's KPI fact must become to match the stored submission: stored whole, removed, or left
// as it is (undefined). The same derivation the rebuild uses (deriveKpiFact over the submission and its
// task's team), so whatever the live path writes a rebuild writes too.
import { deriveKpiFact, sameKpiFact, type KpiFact, type KpiSubmission } from '../../domain/reports/kpi-fact';
import type { KpiFactRepository, KpiSourceSubmissions } from '../../ports/kpi-fact-repository.port';
import type { FactChange } from '../../ports/report-fact-repository.port';

export interface ProjectKpiFactDeps {
  source: KpiSourceSubmissions;
  facts: Pick<KpiFactRepository, 'get' | 'apply'>;
  /** The London day of an instant (YYYY-MM-DD). */
  civilDate(iso: string): string;
}

/**
 * The fact of a submission as the source has it now: the team of its task (its queue row), or for answers
 * given on no task, the case's team (read when the fact is derived: a later move of the case changes it only
 * when the projection is rebuilt).
 */
export async function kpiFactOf(deps: Pick<ProjectKpiFactDeps, 'source' | 'civilDate'>, s: KpiSubmission & { taskId?: string }) {
  const team = s.taskId ? await deps.source.teamOfTask(s.taskId) : s.caseId ? await deps.source.teamOfCase(s.caseId) : undefined;
  return deriveKpiFact(s, team, deps.civilDate);
}

export async function kpiFactChange(deps: ProjectKpiFactDeps, submissionId: string): Promise<FactChange<KpiFact> | undefined> {
  const submission = await deps.source.get(submissionId);
  if (!submission) return undefined;
  const fact = await kpiFactOf(deps, submission);
  const stored = await deps.facts.get(submissionId);
  if (!fact) return stored ? { remove: submissionId } : undefined;
  return stored && sameKpiFact(stored, fact) ? undefined : { put: fact };
}
