// The completing users of task-completion.bench.ts, on a thread of their own, as a load generator such as
// autocannon runs beside the server rather than inside it: sharing the server's event loop, the 50 clients'
// own work (requests, responses, timers) waited in line with the requests they measure, and their garbage
// with the server's.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface CompletionUser { cookie: string; csrf: string; taskIds: string[] }
export interface CompletionRun { timings: number[]; statuses: [number, number][]; failures: string[]; wallMs: number }
interface Job { role: 'completion-clients'; base: string; users: CompletionUser[]; thinkMs: number }

/** The answers of the bench's k-th completion of a user (the referral's matchPerson form). */
export const completionAnswers = (k: number | string) =>
  ({ matchOutcome: 'new', givenName: `Given${k}`, familyName: `Bench${k}`, dateOfBirth: '2010-04-05', referralSource: 'police' });

/** Each user completes its tasks one request at a time, pausing `thinkMs` on average (exponential) before each. */
export function runCompletionClients(base: string, users: CompletionUser[], thinkMs: number): Promise<CompletionRun> {
  const job: Job = { role: 'completion-clients', base, users, thinkMs };
  return new Promise((resolve, reject) => {
    // A worker does not inherit tsx's loader: it registers it, then loads this file.
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`completion clients stopped with code ${code}`))));
  });
}

async function clients({ base, users, thinkMs }: Job): Promise<CompletionRun> {
  const timings: number[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(users.map(async (u) => {
    for (const [k, taskId] of u.taskIds.entries()) {
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * thinkMs));
      const t0 = performance.now();
      const res = await fetch(`${base}/api/tasks/${encodeURIComponent(taskId)}/complete`, {
        method: 'POST',
        headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ data: completionAnswers(k) }),
      });
      const text = await res.text();
      timings.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 200 && failures.length < 5) failures.push(`${res.status} ${text}`);
    }
  }));
  return { timings, statuses: [...statuses], failures, wallMs: performance.now() - started };
}

if (!isMainThread && (workerData as Job | undefined)?.role === 'completion-clients') {
  clients(workerData as Job).then((run) => parentPort!.postMessage(run));
}
