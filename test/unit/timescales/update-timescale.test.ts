import { updateTimescale } from '../../../server/src/application/update-timescale';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../server/src/domain/errors';
import type { Timescale } from '../../../server/src/domain/timescales';
import { inMemoryTimescaleRepository } from '../../support/in-memory-timescale.repository';

const base: Timescale = {
  id: 'oocdAssessment', label: 'OOCD assessment', trigger: 't', value: 10, unit: 'workingDays', direction: 'after',
  countsFrom: 'referral', status: 'national guidance', source: 'gov.uk', defaultText: '10 WD',
};
const count: Timescale = { ...base, id: 'yroWarningsBeforeBreach', value: 2, unit: 'count' };
const manager = { id: 'mgr1', roles: ['team-managers'] };
const clock = { now: () => new Date('2026-11-24T10:00:00Z') };

async function errorsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).errors;
}

describe('updateTimescale', () => {
  it('creates the next version recording who, when, why and what changed', async () => {
    const repo = inMemoryTimescaleRepository([base, count]);
    const next = await updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value: 12, unit: 'workingDays', reason: 'Local protocol agreed with police',
    });
    expect(next).toMatchObject({
      version: 2, createdBy: 'mgr1', createdAt: '2026-11-24T10:00:00.000Z', reason: 'Local protocol agreed with police',
      change: { timescaleId: 'oocdAssessment', before: { value: 10, unit: 'workingDays' }, after: { value: 12, unit: 'workingDays' } },
    });
    expect((await repo.current()).timescales.find((t) => t.id === 'oocdAssessment')?.value).toBe(12);
    expect((await repo.getVersion(1))?.timescales[0].value).toBe(10);
  });

  it('returns field errors as data: value, unit and reason', async () => {
    const repo = inMemoryTimescaleRepository([base]);
    const errors = await errorsOf(updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value: 2.5, unit: 'fortnights', reason: '  ',
    }));
    expect(Object.keys(errors).sort()).toEqual(['reason', 'unit', 'value']);
    expect(repo.versions).toHaveLength(1);
  });

  it.each([0, -3, '10', null])('refuses value %p', async (value) => {
    const repo = inMemoryTimescaleRepository([base]);
    const errors = await errorsOf(updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value, unit: 'workingDays', reason: 'r',
    }));
    expect(errors.value).toBeDefined();
  });

  it('keeps a duration a duration and a count a count', async () => {
    const repo = inMemoryTimescaleRepository([base, count]);
    expect((await errorsOf(updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value: 3, unit: 'count', reason: 'r',
    }))).unit).toMatch(/duration/);
    expect((await errorsOf(updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'yroWarningsBeforeBreach', value: 3, unit: 'months', reason: 'r',
    }))).unit).toMatch(/count/);
  });

  it('allows changing the unit between durations (10 WD → 14 calendar days)', async () => {
    const repo = inMemoryTimescaleRepository([base]);
    const next = await updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value: 14, unit: 'calendarDays', reason: 'new guidance',
    });
    expect(next.timescales[0]).toMatchObject({ value: 14, unit: 'calendarDays', source: 'gov.uk' });
  });

  it('refuses a change that changes nothing', async () => {
    const repo = inMemoryTimescaleRepository([base]);
    expect((await errorsOf(updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value: 10, unit: 'workingDays', reason: 'r',
    }))).value).toMatch(/already/);
  });

  it('only team managers may edit', async () => {
    const repo = inMemoryTimescaleRepository([base]);
    await expect(updateTimescale({ timescales: repo, clock }, { id: 'cm', roles: ['case-managers'] }, {
      timescaleId: 'oocdAssessment', value: 12, unit: 'workingDays', reason: 'r',
    })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('names an unknown timescale', async () => {
    const repo = inMemoryTimescaleRepository([base]);
    await expect(updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'nope', value: 12, unit: 'workingDays', reason: 'r',
    })).rejects.toBeInstanceOf(NotFoundError);
  });
});
