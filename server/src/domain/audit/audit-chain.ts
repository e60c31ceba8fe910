// Walks the chain in sequence order and reports the first event that does not check out. A gap in
// the sequence is a deleted event; a hash that no longer matches is a changed one; a head marker
// beyond the last event means events were cut off the end.
import { GENESIS_HASH, type AuditEvent, type ChainReport } from './audit-event';
import { hashEvent } from './audit-hash';

export interface ChainHead {
  seq: number;
  hash: string;
}

export async function verifyChain(events: AsyncIterable<AuditEvent>, head?: ChainHead): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const fail = (kind: NonNullable<ChainReport['problem']>['kind'], seq: number, message: string): ChainReport => ({
    ok: false, checked, lastSeq: expectedSeq - 1, lastHash: prevHash, problem: { kind, seq, message },
  });

  for await (const e of events) {
    if (e.seq !== expectedSeq) {
      return fail('missing', expectedSeq, `Audit event ${expectedSeq} is missing (the next stored event is ${e.seq}): it was deleted.`);
    }
    if (hashEvent(e) !== e.hash) {
      return fail('changed', e.seq, `Audit event ${e.seq} (${e.action} at ${e.at}) was changed after it was written: its content no longer matches its hash.`);
    }
    if (e.prevHash !== prevHash) {
      return fail('broken-link', e.seq, `Audit event ${e.seq} does not link to event ${e.seq - 1}: an event before it was replaced or removed.`);
    }
    prevHash = e.hash;
    expectedSeq += 1;
    checked += 1;
  }
  if (head && head.seq >= expectedSeq) {
    return fail('truncated', expectedSeq, `Audit events from ${expectedSeq} to ${head.seq} are missing from the end of the log: they were deleted.`);
  }
  return { ok: true, checked, lastSeq: expectedSeq - 1, lastHash: prevHash };
}
