// The duplicate check's keys (name + date of birth, NHS number) of every case, kept in memory by the sole
// server. On FerretDB the check's `$or` query decodes every case: 1.7–1.9 s per referral at 20,000 cases
// (measured); from this index it is one `_id` read per candidate. The index may hold stale keys (a scan
// racing a write), never miss current ones, so candidates are re-checked against the stored case.
import type { IdentityKeys } from '../../domain/cases/person-identity';

const nameKey = (k: Pick<IdentityKeys, 'nameKey' | 'dateOfBirth'>) => `n|${k.nameKey}|${k.dateOfBirth}`;
const nhsKey = (nhs: string) => `h|${nhs}`;

export class CaseIdentityIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();
  /** Until the start-up scan has run, the repository asks the database. */
  loaded = false;

  put(id: string, identity: Partial<IdentityKeys> | undefined): void {
    this.remove(id);
    const keys = [
      ...(identity?.nameKey && identity.dateOfBirth ? [nameKey(identity as IdentityKeys)] : []),
      ...(identity?.nhsNumber ? [nhsKey(identity.nhsNumber)] : []),
    ];
    for (const k of keys) {
      let ids = this.byKey.get(k);
      if (!ids) this.byKey.set(k, (ids = new Set()));
      ids.add(id);
    }
    this.keysOf.set(id, keys);
  }

  remove(id: string): void {
    for (const k of this.keysOf.get(id) ?? []) {
      const ids = this.byKey.get(k)!;
      ids.delete(id);
      if (!ids.size) this.byKey.delete(k);
    }
    this.keysOf.delete(id);
  }

  candidates(keys: IdentityKeys): string[] {
    return [...new Set([...(this.byKey.get(nameKey(keys)) ?? []), ...(keys.nhsNumber ? this.byKey.get(nhsKey(keys.nhsNumber)) ?? [] : [])])];
  }
}

/** True when a stored identity matches the duplicate check's keys (what the database query selects). */
export const matchesKeys = (identity: Partial<IdentityKeys> | undefined, keys: IdentityKeys): boolean =>
  (identity?.nameKey === keys.nameKey && identity?.dateOfBirth === keys.dateOfBirth) || (!!keys.nhsNumber && identity?.nhsNumber === keys.nhsNumber);
