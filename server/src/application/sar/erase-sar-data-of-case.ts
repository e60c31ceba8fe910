// Erasure of a case reaches the subject access requests that gathered from it (one of erasure's "other
// stores", erase-case-stores.ts): the items copied from that case leave every snapshot, and decisions on
// them leave the request. The request's person is not always the case's child — they may be named there
// as a family member or victim — so only that case's items go. Once every case where the snapshot found the
// person as the child is erased, nothing the service holds about them is left to answer for: the snapshot
// keeps no items at all, and a finished request is reduced to what a tombstone keeps (reduceSarRequest). A
// request still being answered keeps the requester's details until its response is sent; the drop of its
// gathered copy (drop-gathered-copy.ts) reduces it then. Idempotent: a rerun finds no head naming the case.
import { subjectErased, type SnapshotItem } from '../../domain/sar/sar-snapshot';
import type { DpoDecision } from '../../domain/sar/redaction-rules';
import { reduceSarRequest, type DropCopyDeps } from './drop-gathered-copy';

const without = (ids: readonly string[], id: string) => ids.filter((x) => x !== id);

export async function eraseSarDataOfCase(deps: DropCopyDeps, caseId: string): Promise<number> {
  let changed = 0;
  for (const snapshot of await deps.snapshots.headsNamingCase(caseId)) {
    const at = deps.now().toISOString();
    const wasSubject = snapshot.subjectCaseIds.includes(caseId);
    const next = {
      ...snapshot, generation: snapshot.generation + 1,
      matches: snapshot.matches.filter((m) => m.caseId !== caseId),
      caseIds: without(snapshot.caseIds, caseId), subjectCaseIds: without(snapshot.subjectCaseIds, caseId),
      erasedSubjectCaseIds: wasSubject ? [...new Set([...snapshot.erasedSubjectCaseIds, caseId])] : snapshot.erasedSubjectCaseIds,
      newItemIds: snapshot.newItemIds.filter((id) => !id.startsWith(`${caseId}/`)),
    };
    const gone = subjectErased(next);
    let count = 0;
    async function* remaining(): AsyncGenerator<SnapshotItem> {
      if (gone) return; // the person's own records are erased: copies of the rest go too
      for await (const item of deps.snapshots.items(snapshot)) if (item.caseId !== caseId) { count++; yield item; }
    }
    await deps.snapshots.save({ key: snapshot.key, generation: next.generation }, remaining(), () => ({
      ...next, itemCount: count,
      ...(gone ? { matches: [], caseIds: [], newItemIds: [], droppedAt: at, droppedBecause: 'The person\'s records were erased' } : {}),
    }));
    const instance = await deps.engine.getInstance(snapshot.key);
    const decisions = Array.isArray(instance?.variables.sarRedactions) ? (instance!.variables.sarRedactions as DpoDecision[]) : [];
    const kept = decisions.filter((d) => !d.itemId.startsWith(`${caseId}/`));
    if (instance && kept.length !== decisions.length) await deps.engine.setVariables(snapshot.key, { sarRedactions: kept });
    if (gone && instance && instance.state !== 'active') await reduceSarRequest(deps, snapshot.key, at);
    await deps.audit.record({
      // `case`, not `caseId`: the audit would seal the details under that case's key, destroyed next.
      actor: { id: 'system' }, action: 'sar.case-erased', recordType: 'sar', recordId: snapshot.key,
      after: { case: caseId, itemsLeft: count, requestReduced: gone && instance?.state !== 'active' }, key: `${snapshot.key}:${caseId}:sar.case-erased`,
    });
    changed++;
  }
  return changed;
}
