// Erasure of a case reaches the subject access requests that gathered from it (one of erasure's "other
// stores", erase-case-stores.ts): the items copied from that case leave every snapshot, and decisions on
// them leave the request. The request's person is not always the case's child — they may be named there
// as a family member or victim — so only that case's items go. Once every case where the snapshot found the
// person as the child is erased, a request already answered (its response sent) keeps no items at all and
// is reduced to what a tombstone keeps (reduceSarRequest). A request still being answered keeps the
// requester's details and its other items (where the person is named on other cases, still held: the
// response covers what is held when it is sent); the drop of its gathered copy after the response
// (drop-gathered-copy.ts) reduces it then. Idempotent: a rerun finds no head naming the case.
import { subjectErased, type SnapshotItem } from '../../domain/sar/sar-snapshot';
import type { DpoDecision } from '../../domain/sar/redaction-rules';
import type { InstanceView } from '../../ports/workflow-engine.port';
import { reduceSarRequest, type DropCopyDeps } from './drop-gathered-copy';

/** The response was sent (the request waits for its copy's retention) or the request is over. */
const answered = (i: InstanceView | undefined) =>
  !!i && (i.state !== 'active' || i.activeElementIds.some((e) => ['calcGatheredCopy', 'keepGatheredCopy', 'dropGatheredCopy'].includes(e)));

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
    const instance = await deps.engine.getInstance(snapshot.key);
    const gone = subjectErased(next) && answered(instance);
    let count = 0;
    async function* remaining(): AsyncGenerator<SnapshotItem> {
      if (gone) return; // the person's own records are erased and they were answered: copies of the rest go too
      for await (const item of deps.snapshots.items(snapshot)) if (item.caseId !== caseId) { count++; yield item; }
    }
    // The request first, the snapshot's head last: until the head stops naming the case, a rerun after a
    // crash finds this request again (both steps are idempotent).
    const decisions = Array.isArray(instance?.variables.sarRedactions) ? (instance!.variables.sarRedactions as DpoDecision[]) : [];
    const kept = decisions.filter((d) => !d.itemId.startsWith(`${caseId}/`));
    // Reduced, the request keeps how many items were disclosed and withheld — counted before any goes.
    if (gone) await reduceSarRequest(deps, snapshot.key, at);
    else if (instance && kept.length !== decisions.length) await deps.engine.setVariables(snapshot.key, { sarRedactions: kept });
    await deps.snapshots.save({ key: snapshot.key, generation: next.generation }, remaining(), () => ({
      ...next, itemCount: count,
      ...(gone ? { matches: [], caseIds: [], newItemIds: [], droppedAt: at, droppedBecause: 'The person\'s records were erased' } : {}),
    }));
    await deps.audit.record({
      // `case`, not `caseId`: the audit would seal the details under that case's key, destroyed next.
      actor: { id: 'system' }, action: 'sar.case-erased', recordType: 'sar', recordId: snapshot.key,
      after: { case: caseId, itemsLeft: count, requestReduced: gone }, key: `${snapshot.key}:${caseId}:sar.case-erased`,
    });
    changed++;
  }
  return changed;
}
