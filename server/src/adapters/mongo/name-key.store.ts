// The stored name keys for rekey-person-names.ts: the cases' identities beside their personal values, person
// holds, and the rule version in `schema_versions` (one document per stored format that a rule makes).
import type { Connection } from 'mongoose';
import type { NameKeyStore, PersonHoldKey, StoredNameKey } from '../../ports/name-key-store.port';
import type { MongoCaseRepository } from './case.repository';
import type { MongoLegalHoldRepository } from './legal-hold.repository';
import { SchemaVersions } from './schema-versions';

const NAME_KEY_FORMAT = 'person-name-key';

export class MongoNameKeyStore implements NameKeyStore {
  private readonly versions: SchemaVersions;

  constructor(conn: Connection, private readonly caseRepo: MongoCaseRepository, private readonly holds: MongoLegalHoldRepository) {
    this.versions = new SchemaVersions(conn);
  }

  async storedVersion(): Promise<number> {
    return this.versions.of(NAME_KEY_FORMAT);
  }

  async recordVersion(version: number, at: string): Promise<void> {
    await this.versions.record(NAME_KEY_FORMAT, version, at);
  }

  async *cases(): AsyncIterable<StoredNameKey> {
    type Doc = { _id: string; identity?: { nameKey?: string }; sections?: { personal?: { values?: Record<string, unknown> } } };
    const cursor = this.caseRepo.cases.find({}, { 'identity.nameKey': 1, 'sections.personal.values': 1 }).lean<Doc>().cursor();
    for await (const d of cursor as AsyncIterable<Doc>) {
      yield {
        caseId: d._id,
        ...(typeof d.identity?.nameKey === 'string' ? { nameKey: d.identity.nameKey } : {}),
        ...(d.sections?.personal?.values ? { personal: d.sections.personal.values } : {}),
      };
    }
  }

  rekeyCase(caseId: string, from: string, to: string): Promise<boolean> {
    return this.caseRepo.rekeyName(caseId, from, to);
  }

  async personHolds(): Promise<PersonHoldKey[]> {
    return (await this.holds.listUnlifted())
      .filter((h) => h.scope === 'person' && h.person?.nameKey)
      .map((h) => ({ holdId: h.id, nameKey: h.person!.nameKey, ...(h.personCaseId ? { personCaseId: h.personCaseId } : {}) }));
  }

  rekeyHold(holdId: string, from: string, to: string): Promise<boolean> {
    return this.holds.rekeyPerson(holdId, from, to);
  }
}
