// Queue rows name their process as the model does. Listing deployments counts running instances on the
// embedded database, so each process is listed once per version seen, not once per queue page.
import { namesOfProcesses, processNameCache } from '../../../server/src/application/tasks/process-names';
import type { ProcessDeploymentView } from '../../../server/src/ports/workflow-engine.port';

const view = (processId: string, version: number, name?: string) =>
  ({ processId, version, ...(name ? { name } : {}), resourceName: `${processId}.bpmn`, checksum: 'x', deployedAt: '', activeInstances: 0 }) as ProcessDeploymentView;

describe('process names for queue rows', () => {
  it('names each row by its process version, listing each process once until a new version appears', async () => {
    let deployed = [view('referral-intake', 1, 'Referral & intake'), view('plan-review', 1, 'Plan review')];
    const calls: (string | undefined)[] = [];
    const nameOf = processNameCache({
      listDeployments: async (processId?: string) => {
        calls.push(processId);
        return deployed.filter((d) => d.processId === processId);
      },
    });
    const rows = [
      { processId: 'referral-intake', processVersion: 1 }, { processId: 'referral-intake', processVersion: 1 }, { processId: 'plan-review', processVersion: 1 },
    ];
    expect([...(await namesOfProcesses(nameOf, rows))]).toEqual([['referral-intake@1', 'Referral & intake'], ['plan-review@1', 'Plan review']]);
    await namesOfProcesses(nameOf, rows);
    expect(calls.sort()).toEqual(['plan-review', 'referral-intake']);

    deployed = [...deployed, view('referral-intake', 2, 'Referral and intake')];
    expect(await nameOf('referral-intake', 2)).toBe('Referral and intake');
    expect(await nameOf('referral-intake', 1)).toBe('Referral & intake');
    expect(calls.filter((c) => c === 'referral-intake')).toHaveLength(2);
  });

  it('leaves a row unnamed (the page shows the id) when the model has no name or the engine cannot say', async () => {
    const failing = processNameCache({ listDeployments: async () => { throw new Error('database restarting'); } });
    expect(await namesOfProcesses(failing, [{ processId: 'x', processVersion: 1 }])).toEqual(new Map());
    const unnamed = processNameCache({ listDeployments: async () => [view('y', 1)] });
    expect(await unnamed('y', 1)).toBeUndefined();
  });
});
