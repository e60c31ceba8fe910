// Gathers a subject access request once and keeps it as the request's snapshot: the person found across
// every case (find-person.ts) and everything held about them (gather-records.ts), each item with its
// proposal and third-party flag, stored with the time it was gathered. This is the one place the SAR reads
// the cases: the job of the process's "Gather everything held about the person" step calls it, and the
// DPO's "Gather again" does (gather-sar-again.ts). Decisions already made follow their item ids.
import { proposeRedaction } from '../../domain/sar/redaction-rules';
import { regather, sourceWords, type SarSnapshot, type SnapshotItem } from '../../domain/sar/sar-snapshot';
import { ownNameWords } from '../../domain/sar/sar-subject';
import type { AuditLog } from '../../ports/audit-log.port';
import type { SarSnapshotStore } from '../../ports/sar-snapshot.port';
import type { SarSources } from '../../ports/sar-sources.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { findPerson } from './find-person';
import { gatherRecords } from './gather-records';
import { loadSarRequest, type SarRequest } from './sar-request';

export interface GatherSnapshotDeps {
  engine: Pick<WorkflowEngine, 'getInstance' | 'setVariables'>;
  sources: SarSources;
  snapshots: SarSnapshotStore;
  audit: Pick<AuditLog, 'record'>;
  now: () => Date;
}

export const GATHERED_AUTOMATICALLY = 'Automatically, when the request reached gathering';
export const GATHERED_AT_EXPORT = 'At the export (the request was approved before its records were kept as a snapshot)';

export interface Gathered { snapshot: SarSnapshot; decisionsKept: number; decisionsDropped: number }

async function* snapshotItems(deps: GatherSnapshotDeps, request: SarRequest, matches: Awaited<ReturnType<typeof findPerson>>, ids: string[]): AsyncGenerator<SnapshotItem> {
  const own = ownNameWords(request.subject);
  for await (const item of gatherRecords(deps, matches)) {
    const proposal = proposeRedaction(item, own);
    ids.push(item.id);
    yield { ...item, source: sourceWords(item.kind), thirdParty: proposal.decision === 'review', proposal };
  }
}

export async function gatherSarSnapshot(deps: GatherSnapshotDeps, key: string, by: { id: string; roles?: readonly string[]; name: string }, reason?: string): Promise<Gathered> {
  const request = await loadSarRequest(deps.engine, key);
  const previous = await deps.snapshots.head(key);
  const previousIds = new Set<string>();
  if (previous) for await (const item of deps.snapshots.items(previous)) previousIds.add(item.id);
  const matches = await findPerson(deps, request.subject);
  const ids: string[] = [];
  const gatheredAt = deps.now().toISOString();
  const snapshot = await deps.snapshots.save({ key, generation: (previous?.generation ?? 0) + 1 }, snapshotItems(deps, request, matches, ids), () => {
    const diff = regather(previousIds, ids, request.decisions);
    return {
      key, generation: (previous?.generation ?? 0) + 1, gatheredAt, gatheredBy: by.name,
      ...(previous ? { previousGatheredAt: previous.gatheredAt } : {}),
      matches, caseIds: [...new Set(matches.map((m) => m.caseId))],
      subjectCaseIds: [...new Set(matches.filter((m) => m.role === 'subject').map((m) => m.caseId))],
      erasedSubjectCaseIds: previous?.erasedSubjectCaseIds ?? [],
      itemCount: ids.length, newItemIds: previous ? diff.newItemIds : [],
    };
  });
  const diff = regather(previousIds, ids, request.decisions);
  if (diff.dropped) await deps.engine.setVariables(key, { sarRedactions: diff.kept });
  await deps.audit.record({
    actor: { id: by.id, roles: [...(by.roles ?? [])] }, action: previous ? 'sar.gather-again' : 'sar.gather', recordType: 'sar', recordId: key,
    after: { cases: snapshot.caseIds, items: snapshot.itemCount, newItems: snapshot.newItemIds.length, decisionsKept: diff.kept.length, decisionsDropped: diff.dropped },
    reason: reason ?? 'Subject access request',
  });
  return { snapshot, decisionsKept: diff.kept.length, decisionsDropped: diff.dropped };
}
