// Rewrites stored name keys when the normalisation rule changes (NAME_KEY_VERSION). The keys are what the
// duplicate check, the SAR person search and person-scoped legal holds compare, so a key made by an older
// rule would hide a child from all three: under v1 "Łukasz" was stored as "ukasz" and a Cyrillic name as
// "|", which a search typed with the name itself could never meet. Runs once per rule version, at start,
// before the duplicate check's in-memory index is loaded; idempotent if interrupted (the version is recorded
// last, and a key already current is left alone).
import { identityFromPersonal, identityKeys, NAME_KEY_VERSION } from '../../domain/cases/person-identity';
import type { NameKeyStore } from '../../ports/name-key-store.port';

export interface RekeyOutcome {
  fromVersion: number;
  toVersion: number;
  casesRead: number;
  casesRekeyed: number;
  holdsRekeyed: number;
}

export async function rekeyPersonNames(deps: { store: NameKeyStore; now(): Date }): Promise<RekeyOutcome> {
  const fromVersion = await deps.store.storedVersion();
  const outcome: RekeyOutcome = { fromVersion, toVersion: NAME_KEY_VERSION, casesRead: 0, casesRekeyed: 0, holdsRekeyed: 0 };
  if (fromVersion >= NAME_KEY_VERSION) return outcome;

  // Only changed keys are kept: a hold placed from an unchanged case needs nothing.
  const changed = new Map<string, string>();
  for await (const c of deps.store.cases()) {
    outcome.casesRead++;
    const person = c.personal ? identityFromPersonal(c.personal) : undefined;
    // No name to rebuild from (e.g. a referral without one): the stored key is all there is; kept.
    if (!person || c.nameKey === undefined) continue;
    const next = identityKeys(person).nameKey;
    if (next === c.nameKey) continue;
    changed.set(c.caseId, next);
    if (await deps.store.rekeyCase(c.caseId, c.nameKey, next)) outcome.casesRekeyed++;
  }

  for (const hold of await deps.store.personHolds()) {
    // A person hold copied the key of the case it was placed from; that case's new key is the person's.
    const next = hold.personCaseId ? changed.get(hold.personCaseId) : undefined;
    if (next && next !== hold.nameKey && (await deps.store.rekeyHold(hold.holdId, hold.nameKey, next))) outcome.holdsRekeyed++;
  }
  await deps.store.recordVersion(NAME_KEY_VERSION, deps.now().toISOString());
  return outcome;
}
