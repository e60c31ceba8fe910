import { engineHarness, type Harness } from './support/engine-harness';

// FEEL's context functions must see process variables as contexts, whichever way they reached the engine:
// started with, set by a completion, or read back from the database after a restart of the instance cache.
describe('Feature: FEEL context functions over process variables', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['context-functions.bpmn']); });
  afterAll(() => h.close());

  test.each([
    ['a start variable', { order: { type: 'referral-order', start: '2026-12-01' } }, {}],
    ['a variable set by the completion', {}, { order: { type: 'referral-order', start: '2026-12-01' } }],
  ])('Given %s, context put, context merge and get value work on it', async (_name, startVars, completion) => {
    const { instanceKey } = await h.engine.startInstance('context-functions', startVars);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'record'), completion, { by: 'u' });
    const vars = (await h.engine.getInstance(instanceKey))?.variables ?? {};
    expect(vars.putResult).toEqual({ type: 'referral-order', start: '2026-12-01', end: '2027-06-30' });
    expect(vars.mergeResult).toEqual({ type: 'referral-order', start: '2026-12-01', extended: true });
    expect(vars.typeResult).toBe('referral-order');
  });
});
