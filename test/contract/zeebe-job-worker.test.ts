// The Zeebe job worker's protocol decisions, against a recording stand-in for the SDK client: back-pressure
// (never more jobs held than allowed), explicit outcomes, and a throwing handler failing its job.
import type { ZeebeApi } from '../../server/src/adapters/engine-zeebe/zeebe-client';
import { ZeebeJobWorker } from '../../server/src/adapters/engine-zeebe/zeebe-job-worker';

function recordingApi(available: number) {
  const calls: { op: string; input: Record<string, unknown> }[] = [];
  let next = 1;
  const api = {
    activateJobs: async (input: { maxJobsToActivate: number; type: string }) => {
      calls.push({ op: 'activateJobs', input });
      const n = Math.min(available, input.maxJobsToActivate);
      available -= n;
      return { jobs: Array.from({ length: n }, () => ({ jobKey: String(next++), type: input.type, retries: 3, variables: {}, customHeaders: {} })) };
    },
    completeJob: async (input: Record<string, unknown>) => { calls.push({ op: 'completeJob', input }); },
    failJob: async (input: Record<string, unknown>) => { calls.push({ op: 'failJob', input }); },
    throwJobError: async (input: Record<string, unknown>) => { calls.push({ op: 'throwJobError', input }); },
  };
  return { api: api as unknown as ZeebeApi, calls };
}

const opts = { worker: 'w', maxActive: 2, jobTimeoutMs: 60_000, defaultBackoffMs: 5_000, pollIntervalMs: 1_000, log: () => undefined };

test('back-pressure: while two jobs run, activation asks for none; once they finish, for the free capacity', async () => {
  const { api, calls } = recordingApi(5);
  const worker = new ZeebeJobWorker(api, opts);
  const release: (() => void)[] = [];
  worker.register('slow', () => new Promise((resolve) => release.push(() => resolve({ kind: 'complete' }))));
  expect(await worker.pollOnce()).toBe(2);
  expect(await worker.pollOnce()).toBe(0);
  expect(calls.filter((c) => c.op === 'activateJobs').map((c) => c.input.maxJobsToActivate)).toEqual([2]);
  release.splice(0).forEach((r) => r());
  await worker.idle();
  expect(await worker.pollOnce()).toBe(2);
  expect(calls.filter((c) => c.op === 'activateJobs').map((c) => c.input.maxJobsToActivate)).toEqual([2, 2]);
  release.splice(0).forEach((r) => r());
  await worker.idle();
});

test('outcomes are reported explicitly; a throwing handler fails the job with one retry less and the default back-off', async () => {
  const { api, calls } = recordingApi(4);
  const worker = new ZeebeJobWorker(api, { ...opts, maxActive: 8 });
  const outcomes = [
    () => ({ kind: 'complete' as const, variables: { done: true } }),
    () => ({ kind: 'fail' as const, message: 'offline', retries: 0 }),
    () => ({ kind: 'bpmnError' as const, code: 'NOT_ELIGIBLE' }),
    () => { throw new Error('boom'); },
  ];
  let n = 0;
  worker.register('t', async () => outcomes[n++]());
  await worker.pollOnce();
  await worker.idle();
  const reported = calls.filter((c) => c.op !== 'activateJobs').map((c) => ({ op: c.op, ...c.input }));
  expect(reported).toEqual(expect.arrayContaining([
    { op: 'completeJob', jobKey: '1', variables: { done: true } },
    { op: 'failJob', jobKey: '2', retries: 0, errorMessage: 'offline', retryBackOff: 0 },
    { op: 'throwJobError', jobKey: '3', errorCode: 'NOT_ELIGIBLE' },
    { op: 'failJob', jobKey: '4', retries: 2, errorMessage: 'boom', retryBackOff: 5_000 },
  ]));
  expect(reported).toHaveLength(4);
});
