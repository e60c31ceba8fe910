import { verifyChain } from '../../../server/src/domain/audit/audit-chain';
import { GENESIS_HASH, type AuditEvent } from '../../../server/src/domain/audit/audit-event';
import { canonicalJson, hashEvent, sealEvent } from '../../../server/src/domain/audit/audit-hash';

async function* each(events: AuditEvent[]) {
  for (const e of events) yield e;
}

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(sealEvent({ actor: { id: `u${i}` }, action: 'case.read', recordId: `c${i}`, after: { z: 1, a: [i] } }, i, new Date(Date.UTC(2026, 10, 24, 10, i)), out[i - 2]?.hash ?? GENESIS_HASH));
  }
  return out;
}

describe('audit hashing', () => {
  it('canonical JSON ignores key order and undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('seals what will be stored: the hash survives a JSON round trip and reordering', () => {
    const e = sealEvent({ actor: { id: 'u1' }, action: 'x', after: { when: new Date('2026-01-01T00:00:00Z') as unknown as string } }, 1, new Date(), GENESIS_HASH);
    const roundTrip = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(e).reverse()))) as AuditEvent;
    expect(hashEvent(roundTrip)).toBe(e.hash);
    expect(hashEvent({ ...e, action: 'y' })).not.toBe(e.hash);
  });

  it('verifyChain passes an intact chain and names the first bad event', async () => {
    expect(await verifyChain(each(chain(4)))).toMatchObject({ ok: true, checked: 4, lastSeq: 4 });
    const changed = chain(4);
    changed[2] = { ...changed[2], recordId: 'other' };
    expect((await verifyChain(each(changed))).problem).toMatchObject({ kind: 'changed', seq: 3 });
    const gap = chain(4).filter((e) => e.seq !== 2);
    expect((await verifyChain(each(gap))).problem).toMatchObject({ kind: 'missing', seq: 2 });
    const cut = chain(4).slice(0, 3);
    expect((await verifyChain(each(cut), { seq: 4, hash: 'h' })).problem).toMatchObject({ kind: 'truncated', seq: 4 });
  });
});
