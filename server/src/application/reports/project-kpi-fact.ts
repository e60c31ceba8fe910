// Brings one submission's KPI fact in line with the stored submission. Idempotent, and the same derivation
// the rebuild uses (deriveKpiFact over the submission and its task's team), so whatever the live path
// writes a rebuild writes too.
import { deriveKpiFact, type KpiSubmission } from '../../domain/reports/kpi-fact';
import type { KpiFactRepository, KpiSourceSubmissions } from '../../ports/kpi-fact-repository.port';

export interface ProjectKpiFactDeps {
  source: KpiSourceSubmissions;
  facts: Pick<KpiFactRepository, 'get' | 'put' | 'remove'>;
  /** The London day of an instant (YYYY-MM-DD). */
  civilDate(iso: string): string;
}

/** The fact of a submission as the source has it now (the task's team read from its queue row). */
export async function kpiFactOf(deps: Pick<ProjectKpiFactDeps, 'source' | 'civilDate'>, s: KpiSubmission & { taskId?: string }) {
  const team = s.taskId ? await deps.source.teamOfTask(s.taskId) : undefined;
  return deriveKpiFact(s, team, deps.civilDate);
}

export async function projectKpiFact(deps: ProjectKpiFactDeps, submissionId: string): Promise<void> {
  const submission = await deps.source.get(submissionId);
  const fact = submission ? await kpiFactOf(deps, submission) : undefined;
  if (fact) await deps.facts.put(fact);
  else if (submission) await deps.facts.remove(submissionId);
}
