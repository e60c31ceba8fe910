// FerretDB applies `$set: {"sections.x": …}` by rewriting the whole case document, so two sections
// written at the same moment used to undo each other (measured: 122 of 180 concurrent field updates
// lost). The case repository serialises updates of one case in process; every section must survive.
import { MongoCaseRepository } from '../../../server/src/adapters/mongo/case.repository';
import { applySubmissionToCase } from '../../../server/src/application/cases/apply-submission-to-case';
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

  it('writes a submission\'s sections together, and stops at a section someone else took, leaving it as they wrote it', async () => {
    await cases.create({
      id: 'CT', team: 'north', status: 'open', createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'u1',
      identity: { nameKey: 'avat', dateOfBirth: '2010-01-01', displayName: 'Ava T' }, sections: {},
    } as never, []);
    const at = '2026-11-24T10:00:00.000Z';
    const write = (section: CaseSection, value: string, by = 'u1') => {
      const amendment = { caseId: 'CT', section, seq: 1, at, by, source: { kind: 'manual' as const, reason: 'test' }, changes: [{ field: 'note', value }], after: { note: value } };
      return { amendment, next: { values: { note: value }, revision: 1, updatedAt: at, updatedBy: by, sources: {} } };
    };
    const other = write('family', 'theirs', 'u2');
    await cases.appendAmendment(other.amendment, other.next);

    const applied = await cases.appendAmendments([write('personal', 'mine'), write('family', 'mine'), write('health', 'mine')]);
    expect(applied).toBe(1);
    const stored = await cases.findById('CT');
    expect(stored!.sections.personal).toMatchObject({ revision: 1, values: { note: 'mine' } });
    expect(stored!.sections.family).toMatchObject({ revision: 1, values: { note: 'theirs' }, updatedBy: 'u2' });
    expect(stored!.sections.health).toBeUndefined();
    expect(await cases.appendAmendments([write('health', 'mine'), write('education', 'mine')])).toBe(2);
    expect((await cases.findById('CT'))!.sections).toMatchObject({ health: { values: { note: 'mine' } }, education: { values: { note: 'mine' } } });
  });

  it('applies a submission over a section someone changed after it read the case: theirs stays, its values land on top', async () => {
    await cases.create({
      id: 'CS', team: 'north', status: 'open', createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'u1',
      identity: { nameKey: 'avas', dateOfBirth: '2010-01-01', displayName: 'Ava S' }, sections: {},
    } as never, []);
    const stale = await cases.findById('CS');
    await writeCaseSection({ cases }, { caseId: 'CS', section: 'family', patch: { carer: 'Gran' }, by: 'u2', at: '2026-11-24T10:00:00.000Z', source: { kind: 'manual', reason: 'call' } });
    // The real repository, except that its first read of the case is the one taken before that write.
    let reads = 0;
    const racing = Object.assign(Object.create(cases) as MongoCaseRepository, {
      findById: (id: string) => (reads++ === 0 ? Promise.resolve(stale) : cases.findById(id)),
    });
    const form = { components: [
      { type: 'textfield', key: 'school', label: 'School', properties: { section: 'education' } },
      { type: 'textfield', key: 'siblings', label: 'Siblings', properties: { section: 'family' } },
    ] } as never;
    const applied = await applySubmissionToCase({ cases: racing }, {
      id: 'task-t1', caseId: 'CS', formId: 'f', version: 1, data: { school: 'Hill', siblings: '2' }, submittedBy: 'u1', submittedAt: '2026-11-24T11:00:00.000Z', taskId: 't1',
    }, form, { fresh: true });
    expect(applied.map((a) => a.section).sort()).toEqual(['education', 'family']);
    const stored = await cases.findById('CS');
    expect(stored!.sections.family).toMatchObject({ revision: 2, values: { carer: 'Gran', siblings: '2' } });
    expect(stored!.sections.education).toMatchObject({ revision: 1, values: { school: 'Hill' } });
  });
});
