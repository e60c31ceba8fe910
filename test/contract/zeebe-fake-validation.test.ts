// The contract fake refuses what the 8.8 protocol refuses: a request is checked against its operation's
// schema before anything behind the fake sees it (so no engine is needed here).
import type { WorkflowEngine } from '../../server/src/ports/workflow-engine.port';
import { startZeebeFake, type ZeebeFake } from './zeebe-fake/zeebe-fake.server';

let fake: ZeebeFake;
beforeAll(async () => { fake = await startZeebeFake({} as WorkflowEngine); });
afterAll(() => fake.close());

const post = (path: string, body: unknown) => fetch(`${fake.url}/v2${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test.each([
  ['an unknown field', '/user-tasks/2251799813685249/completion', { variables: {}, comment: 'x' }, /\.body\.comment: unknown property/],
  ['a wrong type', '/user-tasks/2251799813685249/assignment', { assignee: 7 }, /body\.assignee: .*expected string/],
  ['a missing required field', '/jobs/activation', { type: 'x', maxJobsToActivate: 1 }, /body\.timeout/],
  ['a key that is not a number', '/jobs/abc/completion', {}, /path\.jobKey: .*pattern/],
  ['a nested unknown field', '/jobs/2251799813685249/completion', { result: { type: 'userTask', denied: true, why: 'no' } }, /\.body\.result\.why: unknown property/],
])('%s is a 400 ProblemDetail and a recorded violation', async (_what, path, body, reason) => {
  const before = fake.violations.length;
  const res = await post(path, body);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect((await res.json()).detail).toMatch(reason);
  expect(fake.violations.slice(before)).toEqual([expect.stringMatching(reason)]);
});

test('an operation the 8.8 API does not have is a 404 and a recorded violation', async () => {
  const res = await post('/user-tasks/2251799813685249/claim', {});
  expect(res.status).toBe(404);
  expect(fake.violations[fake.violations.length - 1]).toMatch(/no such operation/);
});
