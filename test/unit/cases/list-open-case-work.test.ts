import { listOpenCaseWork, type ListOpenWorkEngine } from '../../../server/src/application/cases/list-open-case-work';
import type { InstanceSummary } from '../../../server/src/ports/workflow-engine.port';

// The closure's rule over a case's running processes, on a fake engine: its own chain is not other work,
// victim contact waits for the end, the plan review (and what it called) is cancelled, the rest blocks.
const inst = (key: string, processId: string, caseId: string, parentKey?: string): InstanceSummary => ({
  key, processId, version: 1, caseId, state: 'active', activeElementIds: [], startedAt: '2026-11-23T09:00:00Z', ...(parentKey ? { parentKey } : {}),
});

function fakeEngine(running: InstanceSummary[], armed: string[] = []): ListOpenWorkEngine {
  return {
    listDeployments: async () => [...new Set(running.map((i) => i.processId))].map((processId) => ({ processId } as never)),
    listInstances: async ({ processId, state, offset = 0, limit = 50 }) => {
      const items = state === 'active' ? running.filter((i) => i.processId === processId) : [];
      return { items: items.slice(offset, offset + limit), total: items.length };
    },
    messageRecipients: async () => ({ instanceKeys: armed, startsProcessIds: [] }),
    getInstance: async (key) => running.find((i) => i.key === key) as never,
  };
}

const input = { caseId: 'c1', closureInstanceKey: 'closure', cancelProcessIds: ['plan-review'], awaitingProcessIds: ['victim-contact'], endMessage: 'intervention-ended' };

describe('listOpenCaseWork', () => {
  it('sorts the case’s running work by what the closure may do with it', async () => {
    const engine = fakeEngine([
      inst('intake', 'referral-intake', 'c1'),
      inst('review', 'plan-review', 'c1', 'intake'),
      inst('closure', 'case-closure', 'c1', 'review'),
      inst('order', 'referral-order', 'c1', 'intake'), // a sibling of the review: statutory work, not the closure's caller
      inst('victim', 'victim-contact', 'c1'),
      inst('otherCase', 'referral-order', 'c2'),
    ]);
    expect(await listOpenCaseWork(engine, input)).toEqual({
      blocking: [expect.objectContaining({ instanceKey: 'order', processId: 'referral-order' })],
      toCancel: [],
      awaitingEnd: [expect.objectContaining({ instanceKey: 'victim' })],
    });
  });

  it('cancels a plan review that is not the caller, with what it called going with it (listed once)', async () => {
    const engine = fakeEngine([
      inst('review', 'plan-review', 'c1'),
      inst('reassess', 'assetplus-assessment', 'c1', 'review'),
      inst('closure', 'case-closure', 'c1'),
      inst('listener', 'some-process', 'c1'),
    ], ['listener']);
    const work = await listOpenCaseWork(engine, input);
    expect(work.toCancel.map((w) => w.instanceKey)).toEqual(['review']);
    expect(work.blocking).toEqual([]);
    expect(work.awaitingEnd.map((w) => w.instanceKey)).toEqual(['listener']); // armed for the end message
  });
});
