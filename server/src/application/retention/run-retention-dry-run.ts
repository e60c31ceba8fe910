// The retention review's dry run: one projected pass over the cases, the current schedule and the holds
// in force. Lists what falls due and why, and what is held and kept. Deletes nothing.
import { type DryRunResult, retentionDryRun } from '../../domain/retention';
import { type RetentionDeps, todayOf } from './retention-deps';

export async function runRetentionDryRun(deps: Pick<RetentionDeps, 'schedule' | 'holds' | 'cases' | 'clock'>): Promise<DryRunResult> {
  const [schedule, holds] = await Promise.all([deps.schedule.current(), deps.holds.listUnlifted()]);
  const facts = [];
  for await (const f of deps.cases.allCaseFacts()) facts.push(f);
  return retentionDryRun(facts, schedule, holds, todayOf(deps.clock));
}
