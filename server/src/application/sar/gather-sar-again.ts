// "Gather again": the DPO's explicit act when new information arrived before the response was approved.
// The snapshot is rebuilt from the cases; decisions on items that still exist (same id) are kept, items new
// since the last gather are listed as needing a decision, and the act is audited with the DPO's reason.
// Refused once the response is approved or exported (the snapshot is frozen: what was approved is sent).
import { ConflictError } from '../../domain/errors';
import { gatherAgainRefusal } from '../../domain/sar/sar-snapshot';
import { gatherSarSnapshot, type Gathered, type GatherSnapshotDeps } from './gather-sar-snapshot';
import { loadSarRequest } from './sar-request';

export async function gatherSarAgain(
  deps: GatherSnapshotDeps, actor: { id: string; displayName?: string; roles: readonly string[] }, key: string, input: { reason: string },
): Promise<Gathered> {
  const request = await loadSarRequest(deps.engine, key);
  const refusal = gatherAgainRefusal(await deps.snapshots.head(key), request);
  if (refusal) throw new ConflictError(refusal, 'SAR_GATHER_REFUSED');
  return gatherSarSnapshot(deps, key, { id: actor.id, roles: actor.roles, name: actor.displayName || 'The data protection officer' }, input.reason);
}
