// FerretDB applies `$set: {"sections.x": …}` by rewriting the whole case document, so two sections
// written at the same moment used to undo each other (measured: 122 of 180 concurrent field updates
// lost). The case repository serialises updates of one case in process; every section must survive.
import { MongoCaseRepository } from '../../../server/src/adapters/mongo/case.repository';
import { writeCaseSection } from '../../../server/src/application/cases/write-case-section';
import type { CaseSection } from '../../../server/src/domain/cases/case-section';
import { openTestDb } from '../../support/test-db';

const SECTIONS: CaseSection[] = ['personal', 'family', 'education', 'health', 'offending', 'assessments', 'plans', 'victims', 'agencies'];

describe('concurrent writes to different sections of one case', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let cases: MongoCaseRepository;

  beforeAll(async () => {
    db = await openTestDb('casesections');
    cases = new MongoCaseRepository(db.conn);
    await cases.init();
  });
  afterAll(() => db.drop());

  it('keeps every section and its ownership change when all are written at once', async () => {
    for (let round = 0; round < 3; round++) {
      const id = `CC${round}`;
      await cases.create({
        id, team: 'north', status: 'open', createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'u1',
        identity: { nameKey: `ava${round}`, dateOfBirth: '2010-01-01', displayName: 'Ava Jones' }, sections: {},
      } as never, []);
      await Promise.all([
        ...SECTIONS.map((section) => writeCaseSection({ cases }, {
          caseId: id, section, patch: { [`${section}Note`]: `round ${round}` }, by: 'u1', at: '2026-11-24T10:00:00.000Z', source: { kind: 'manual', reason: 'test' },
        })),
        cases.setOwnership(id, { caseManagerId: 'u9' }),
      ]);
      const stored = await cases.findById(id);
      expect(Object.keys(stored!.sections).sort()).toEqual([...SECTIONS].sort());
      for (const s of SECTIONS) expect(stored!.sections[s]).toMatchObject({ revision: 1, values: { [`${s}Note`]: `round ${round}` } });
      expect(stored!.caseManagerId).toBe('u9');
    }
  });
});
