// Erasable audit details (issue 17): an event about a case keeps before/after/reason only as ciphertext
// under that case's key, the chain hashes the ciphertext, and without the key the details are gone while
// the chain still verifies. Legacy events (details in clear) verify beside them.
import { verifyChain } from '../../../server/src/domain/audit/audit-chain';
import { caseOfEvent, decryptDetails, encryptDetails, newCaseKey } from '../../../server/src/domain/audit/audit-details-cipher';
import { GENESIS_HASH, type AuditEvent, type AuditEventInput } from '../../../server/src/domain/audit/audit-event';
import { sealEvent } from '../../../server/src/domain/audit/audit-hash';

const write: AuditEventInput = {
  actor: { id: 'u1' }, action: 'case.write', recordType: 'case', recordId: 'YJ-1', sections: ['personal'],
  before: { 'personal.givenName': 'Zeb' }, after: { 'personal.givenName': 'Zebedee' }, reason: 'Zebedee asked',
};

async function* each(events: AuditEvent[]) {
  yield* events;
}

function chain(inputs: AuditEventInput[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  inputs.forEach((input, i) => {
    const e = sealEvent(input, i + 1, new Date(Date.UTC(2026, 0, 1, 0, i)), prev);
    out.push(e);
    prev = e.hash;
  });
  return out;
}

describe('audit details cipher', () => {
  it('names the case of an event: its own, the record when a case, or after.caseId; none for other events', () => {
    expect(caseOfEvent(write)).toBe('YJ-1');
    expect(caseOfEvent({ actor: { id: 'u' }, action: 'task.complete', recordType: 'task', recordId: 't1', after: { caseId: 'YJ-2' } })).toBe('YJ-2');
    expect(caseOfEvent({ actor: { id: 'u' }, action: 'user.updated', recordType: 'user', recordId: 'u2', after: { name: 'x' } })).toBeUndefined();
  });

  it('stores the details only as ciphertext, and gives them back with the key', () => {
    const key = { key: newCaseKey() };
    const sealed = encryptDetails(write, 'YJ-1', key);
    expect([sealed.before, sealed.after, sealed.reason, sealed.caseId]).toEqual([undefined, undefined, undefined, 'YJ-1']);
    expect(JSON.stringify(sealed)).not.toMatch(/Zeb/);
    const stored = chain([sealed])[0];
    expect(decryptDetails(stored, key)).toMatchObject({ before: write.before, after: write.after, reason: 'Zebedee asked' });
  });

  it('without the key the details are gone, and the chain (legacy plaintext events included) still verifies', async () => {
    const key = { key: newCaseKey() };
    const legacy: AuditEventInput = { ...write, recordId: 'YJ-0' }; // written before details were encrypted
    const events = chain([legacy, encryptDetails(write, 'YJ-1', key), { actor: { id: 'u' }, action: 'auth.sign-in' }]);
    const erased = decryptDetails(events[1], undefined);
    expect(erased.detailsErased).toBe(true);
    expect(JSON.stringify(erased)).not.toMatch(/Zeb/);
    expect(await verifyChain(each(events), { seq: 3, hash: events[2].hash })).toMatchObject({ ok: true, checked: 3 });
  });

  it('a changed ciphertext breaks the chain; ciphertext under another key or case is not decrypted', async () => {
    const key = { key: newCaseKey() };
    const events = chain([encryptDetails(write, 'YJ-1', key)]);
    const tampered = { ...events[0], sealed: { ...events[0].sealed!, data: Buffer.from('forged').toString('base64') } };
    expect(await verifyChain(each([tampered]))).toMatchObject({ ok: false, problem: { kind: 'changed', seq: 1 } });
    expect(decryptDetails(events[0], { key: newCaseKey() }).after).toBeUndefined(); // wrong key: shown as stored
    const moved = { ...events[0], caseId: 'YJ-9' }; // the case id is authenticated with the ciphertext
    expect(decryptDetails(moved, key).after).toBeUndefined();
  });

  it('after the case key is replaced (reduction to a basic record), earlier details read as erased and later ones as written', () => {
    const first = { key: newCaseKey(), kid: 'k1' };
    const before = chain([encryptDetails(write, 'YJ-1', first)])[0];
    expect(before.sealed?.kid).toBe('k1');
    expect(decryptDetails(before, first).reason).toBe('Zebedee asked');
    const second = { key: newCaseKey(), kid: 'k2' };
    const replaced = decryptDetails(before, second);
    expect(replaced.detailsErased).toBe(true);
    expect(JSON.stringify(replaced)).not.toMatch(/Zeb/);
    const after = chain([encryptDetails({ ...write, reason: 'Read the basic record' }, 'YJ-1', second)])[0];
    expect(decryptDetails(after, second).reason).toBe('Read the basic record');
    // Sealed before keys had ids: matches a key without one only.
    const unnamed = chain([encryptDetails(write, 'YJ-1', { key: first.key })])[0];
    expect(decryptDetails(unnamed, { key: first.key }).reason).toBe('Zebedee asked');
    expect(decryptDetails(unnamed, first).detailsErased).toBe(true);
  });
});
