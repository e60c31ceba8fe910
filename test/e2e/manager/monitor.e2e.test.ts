// The manager's monitor in Chromium against the whole product: a small process deployed as version 1 and
// version 2 through the engine, instances on both; the monitor draws each version with its running
// counts per element (and the incident of a failing job); the manager retries the incident from the
// instance page and the instance moves on to the next element, then migrates it to version 2.
import type { Browser, Page } from 'playwright-core';
import type { JobOutcome } from '../../../server/src/ports/workflow-engine.port';
import { MONITOR_PROCESS, resource, V1, V2 } from '../../integration/monitor/support/monitor-bpmn';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe('manager monitor', () => {
  let browser: Browser;
  let system: E2eSystem;
  const check: { next: JobOutcome } = { next: { kind: 'fail', message: 'court system unavailable' } };
  let failing: string;

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    const engine = system.modules.workflow.engine;
    engine.registerJobHandler('monitor-check', async () => check.next);
    await engine.deploy([resource(V1)], { by: 'test' });
    await engine.deploy([resource(V2)], { by: 'test' });
    await engine.startInstance(MONITOR_PROCESS, { caseRef: 'C-waiting' }, { version: 1 });
    failing = (await engine.startInstance(MONITOR_PROCESS, { caseRef: 'C-failing' }, { version: 1 })).instanceKey;
    await engine.startInstance(MONITOR_PROCESS, { caseRef: 'C-new' }, { version: 2 });
    const [task] = await engine.listUserTasks({ instanceKey: failing, state: 'open' });
    await engine.completeUserTask(task.key, {}, { by: 'test' });
    await engine.runDue(); // the job fails with no retries left: an incident at 'check'
  });

  const signIn = (username: string): Promise<Page> => signInAs(browser, system.url, username);

  it('shows both versions with their counts, and an incident retried from the UI moves the instance on', async () => {
    const page = await signIn('tom.manager');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitor' }).click();
    await page.getByLabel('Process').selectOption(MONITOR_PROCESS);
    await page.getByLabel('Version').selectOption('2');
    await page.getByTestId('count-triage').waitFor();
    expect(await page.getByTestId('count-triage').textContent()).toBe('1');
    expect(await page.getByTestId('monitor-totals').textContent()).toMatch(/Running: 1.*With an incident: 0/);

    await page.getByLabel('Version').selectOption('1');
    await page.getByTestId('count-check').waitFor();
    expect(await page.getByTestId('count-review').textContent()).toBe('1');
    expect(await page.getByTestId('count-check').textContent()).toBe('1');
    expect(await page.getByTestId('incidents-check').textContent()).toBe('1');
    expect(await page.getByTestId('count-triage').count()).toBe(0);
    const rows = page.getByRole('table', { name: 'Instances' }).getByRole('row');
    await rows.filter({ hasText: failing }).waitFor();
    expect(await rows.count()).toBe(3); // header + the two version-1 instances

    await page.getByRole('button', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: failing }).click();
    await page.getByRole('heading', { name: `Instance ${failing}` }).waitFor();
    expect(await page.getByTestId('instance-state').textContent()).toBe('incident');
    await page.getByTestId('incident').filter({ hasText: 'court system unavailable' }).waitFor();
    await page.getByTestId('monitor-diagram').locator('.monitor-incident').first().waitFor();

    check.next = { kind: 'complete' }; // the cause is fixed: the retry succeeds
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('incident').filter({ hasText: 'resolved' }).waitFor();
    await system.modules.workflow.engine.runDue();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('instance-active').filter({ hasText: 'waitOutcome' }).waitFor();
    expect(await page.getByTestId('instance-state').textContent()).toBe('active');
    await page.getByTestId('monitor-diagram').locator('.djs-connection.monitor-taken').first().waitFor({ state: 'attached' });

    // The message it now waits for is the same in version 2: a dry run says it can move, then it moves.
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByRole('status', { name: 'Migration results' }).getByText('Dry run: 1 can move, 0 refused.').waitFor();
    await page.getByRole('button', { name: 'Migrate' }).click();
    await page.getByRole('status', { name: 'Last migration' }).getByText(`${failing}: migrated`).waitFor();
    await page.getByText(`${MONITOR_PROCESS}, version 2`).waitFor();
  }, 120000);

  it('has no Monitor entry for a case manager, and the API refuses them', async () => {
    const page = await signIn('cara.case');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitor' }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/instances/processes')).status);
    expect(status).toBe(403);
  }, 60000);
});
