import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import { createCaseWarningHistoryJob } from '../../../server/src/jobs/case-warning-history.job';
import type { Job } from '../../../server/src/ports/workflow-engine.port';

// Sch 7 para 4 counts the warnings given in relation to THE order: the job reads the case's offending.warnings
// items of the instance's order only.
const item = (id: string, values: Record<string, unknown>) => ({ id, values, sources: {} });
const record = {
  id: 'case-1',
  sections: {
    offending: {
      collections: {
        warnings: [
          item('w1', { givenOn: '2026-08-01', orderId: 'order-yro', circumstances: 'c' }),
          item('w2', { givenOn: '2026-02-01', orderId: 'order-yro' }),
          item('w3', { givenOn: '2026-09-01', orderId: 'order-earlier' }),
          item('w4', { orderId: 'order-yro' }), // no date: not a warning given
        ],
      },
    },
  },
} as unknown as CaseRecord;
const handler = createCaseWarningHistoryJob({ cases: { findById: async (id) => (id === 'case-1' ? record : undefined) } });
const run = (variables: Record<string, unknown>) =>
  handler({ key: 'k', type: 'case-warning-history', processId: 'p', instanceKey: 'i', elementId: 'e', headers: {}, retries: 3, variables } as Job);

describe('case-warning-history job', () => {
  it('lists the dates of the warnings given on this order, oldest first', async () => {
    expect(await run({ caseId: 'case-1', order: { id: 'order-yro', type: 'yro' } }))
      .toEqual({ kind: 'complete', variables: { warningHistory: ['2026-02-01', '2026-08-01'] } });
  });

  it('a warning on another order of the child does not count', async () => {
    expect(await run({ caseId: 'case-1', order: { id: 'order-earlier', type: 'yro' } }))
      .toEqual({ kind: 'complete', variables: { warningHistory: ['2026-09-01'] } });
  });

  it('a history given at start wins', async () => {
    expect(await run({ caseId: 'case-1', order: { id: 'order-yro' }, warningHistory: ['2025-01-01'] })).toEqual({ kind: 'complete' });
  });

  it('without an order there are no earlier warnings; an unknown case is an incident', async () => {
    expect(await run({ caseId: 'case-1' })).toEqual({ kind: 'complete', variables: { warningHistory: [] } });
    expect(await run({ caseId: 'nope', order: { id: 'order-yro' } })).toMatchObject({ kind: 'fail', retries: 0 });
  });
});
