// The figures of task-completion.bench.ts's completion runs: latency percentiles, CPU time of the server and
// the database, and ALTERNATE's rounds (the cost of keeping the reporting projections, measured at one load).
import fs from 'node:fs';
import os from 'node:os';
import type { RunningSystem } from '../../../server/src/main/composition-root';
import { runCompletionClients, type CompletionRun, type CompletionUser } from './completion-clients';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export function summary(label: string, timings: number[], wallMs?: number, statuses?: Map<number, number>): void {
  const t = [...timings].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(6);
  console.log(`${label.padEnd(26)} n=${String(t.length).padStart(5)}  p50 ${f(percentile(t, 50))} ms  p95 ${f(percentile(t, 95))} ms  `
    + `p99 ${f(percentile(t, 99))} ms  max ${f(t[t.length - 1])} ms`
    + (wallMs ? `  ${(t.length / (wallMs / 1000)).toFixed(1).padStart(6)} req/s` : '')
    + (statuses ? `  statuses ${JSON.stringify(Object.fromEntries(statuses))}` : ''));
}

/**
 * CPU time (ms) of the server's main thread (its other threads include the clients') and of the database
 * process: startDatabaseChild's handle carries the child's pid (none for an external database).
 */
export function cpuTimes(database: object): { server: number; database: number } {
  const ms = (statFile: string) => {
    try {
      const fields = fs.readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
    } catch {
      return NaN;
    }
  };
  const { pid } = database as { pid?: number };
  return { server: ms(`/proc/self/task/${process.pid}/stat`), database: pid ? ms(`/proc/${pid}/stat`) : NaN };
}

/**
 * ALTERNATE=n: every user's tasks split into n + 1 rounds (round 0 a warm-up), the reporting projections not
 * kept, kept, kept, not kept, and so on; prints each round and the sums; answers all the rounds' completions as one run.
 */
export async function alternatingRounds(system: RunningSystem, base: string, users: CompletionUser[], rounds: number, thinkMs: number): Promise<CompletionRun> {
  const reports = system.modules.reports;
  const listeners = [reports.updater.onEvent, reports.kpiUpdater.onEvent];
  const sums = { off: { n: 0, server: 0, database: 0, wallMs: 0 }, on: { n: 0, server: 0, database: 0, wallMs: 0 } };
  const all = { timings: [] as number[], statuses: new Map<number, number>(), failures: [] as string[], wallMs: 0 };
  const perUser = users.map((u) => u.taskIds);
  // Round 0 warms the server up (its first completions ran at half the speed of the rest) and is not counted.
  for (let r = 0; r <= rounds; r++) {
    const kept = r === 0 || [false, true, true, false][(r - 1) % 4]; // off, on, on, off: a drift in speed over the run falls on both
    reports.updater.onEvent = kept ? listeners[0] : () => undefined;
    reports.kpiUpdater.onEvent = kept ? listeners[1] : () => undefined;
    const round = users.map((u, i) => ({ ...u, taskIds: perUser[i].filter((_, k) => Math.floor((k * (rounds + 1)) / perUser[i].length) === r) }));
    const before = cpuTimes(system.database);
    const run = await runCompletionClients(base, round, thinkMs);
    await Promise.all([reports.updater.idle(), reports.kpiUpdater.idle()]);
    const after = cpuTimes(system.database);
    summary(`  round ${r}${r ? ` (${kept ? 'kept' : 'not kept'})` : ' (warm-up)'}`, run.timings, run.wallMs, new Map(run.statuses));
    all.timings.push(...run.timings);
    all.failures.push(...run.failures);
    for (const [status, n] of run.statuses) all.statuses.set(status, (all.statuses.get(status) ?? 0) + n);
    all.wallMs += run.wallMs;
    if (r === 0) continue;
    const sum = sums[kept ? 'on' : 'off'];
    sum.n += run.timings.length;
    sum.server += after.server - before.server;
    sum.database += after.database - before.database;
    sum.wallMs += run.wallMs;
  }
  [reports.updater.onEvent, reports.kpiUpdater.onEvent] = listeners;
  const per = (k: 'off' | 'on', f: 'server' | 'database') => sums[k][f] / sums[k].n;
  for (const k of ['off', 'on'] as const) {
    console.log(`projections ${k === 'on' ? 'kept    ' : 'not kept'}: ${sums[k].n} completions, ${(sums[k].n / (sums[k].wallMs / 1000)).toFixed(1)}/s; CPU per completion: server ${per(k, 'server').toFixed(1)} ms, database ${per(k, 'database').toFixed(1)} ms, in all ${(per(k, 'server') + per(k, 'database')).toFixed(1)} ms`);
  }
  const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(0)}%`;
  console.log(`keeping the projections: server ${pct(per('on', 'server'), per('off', 'server'))}, database ${pct(per('on', 'database'), per('off', 'database'))}, `
    + `in all ${pct(per('on', 'server') + per('on', 'database'), per('off', 'server') + per('off', 'database'))}; throughput ${pct(sums.on.n / sums.on.wallMs, sums.off.n / sums.off.wallMs)} (${os.loadavg().map((l) => l.toFixed(1)).join(' ')} load)`);
  return { ...all, statuses: [...all.statuses] };
}
