import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import { createCaseVictimsJob } from '../../../server/src/jobs/case-victims.job';
import type { InstanceSummary, InstanceView, Job } from '../../../server/src/ports/workflow-engine.port';

// The closure tells every victim of the case (one intervention-ended per victim, keyed by the victim's id):
// the job lists the ids from the case's victims items and from the victim contact still running on the case,
// each once, and nothing else about the victims.
const item = (id: string) => ({ id, values: { victimName: `Name of ${id}`, contactConsent: 'yes' }, sources: {} });
const record = { id: 'case-1', sections: { victims: { collections: { victims: [item('va'), item('vb')] } } } } as unknown as CaseRecord;
const running: Record<string, { caseId: string; variables: Record<string, unknown> }> = {
  k1: { caseId: 'case-1', variables: { victim: { id: 'vb', victimName: 'Name of vb' } } }, // already an item
  k2: { caseId: 'case-1', variables: { victimId: 'vc' } }, // started for a victim whose first form is still open
  k3: { caseId: 'case-1', variables: {} }, // no id yet: cannot be named
  k4: { caseId: 'case-2', variables: { victimId: 'other-case' } },
};
const engine = {
  listInstances: async (f: { processId: string; state?: string }) => {
    const items = f.processId === 'victim-contact' && f.state === 'active'
      ? Object.entries(running).map(([key, r]) => ({ key, caseId: r.caseId, processId: 'victim-contact' }) as InstanceSummary) : [];
    return { items, total: items.length };
  },
  getInstance: async (key: string) => ({ variables: running[key]?.variables }) as InstanceView,
};
const handler = createCaseVictimsJob({ cases: { findById: async (id) => (id === 'case-1' ? record : undefined) }, engine });
const run = (variables: Record<string, unknown>, headers: Record<string, string> = { processId: 'victim-contact' }) =>
  handler({ key: 'k', type: 'case-victims', processId: 'case-closure', instanceKey: 'i', elementId: 'findVictims', headers, retries: 3, variables } as Job);

describe('case-victims job', () => {
  it("lists each victim of the case once: the case's items and the running victim contacts' victims", async () => {
    expect(await run({ caseId: 'case-1' })).toEqual({ kind: 'complete', variables: { victimIds: ['va', 'vb', 'vc'] } });
  });

  it('without a processId header, the items of the case only', async () => {
    expect(await run({ caseId: 'case-1' }, {})).toEqual({ kind: 'complete', variables: { victimIds: ['va', 'vb'] } });
  });

  it('an unknown case is an incident, not an empty list (no victim would be told)', async () => {
    expect(await run({ caseId: 'nope' })).toMatchObject({ kind: 'fail', retries: 0 });
  });
});
