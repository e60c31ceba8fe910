// Database resolution, in order: MONGODB_URI (production MongoDB / Atlas) → `mongod` on PATH →
// FerretDB v1.24.2 (SQLite backend) built into .cache/ferretdb by scripts/lib/ferretdb.mjs.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../../ports/database.port';
import { startDatabaseChild, type ChildOptions, type ChildSpec } from './database-child';
import { superviseDatabase, type RestartPolicy, type SupervisorEvents } from './database-supervisor';
import { findFreePort } from './find-free-port';
import { waitForPing, pingOnce } from './wait-for-ping';

export interface ResolveOptions extends ChildOptions {
  mongodbUri?: string;
  dataDir: string;
  rootDir: string;
  ferretdbBin?: string;
  /** FerretDB only: fsync on every commit instead of every 100 ms (see ferretdbSqliteUrl). */
  syncEachCommit?: boolean;
  /** Lets tests pin a port; otherwise a free loopback port is chosen per start. */
  port?: number;
  /** Restart a child that exits (same port); without it an exit is only reported through onUnexpectedExit. */
  supervise?: { policy: RestartPolicy; events: SupervisorEvents };
}

function startChild(spec: ChildSpec, opts: ResolveOptions): Promise<DatabaseHandle> {
  const { supervise } = opts;
  if (!supervise) return startDatabaseChild(spec, opts);
  const uri = `mongodb://127.0.0.1:${spec.port}/`;
  return superviseDatabase(
    { uri, kind: spec.kind, ping: () => pingOnce(uri) },
    (onUnexpectedExit) => startDatabaseChild(spec, { ...opts, onUnexpectedExit }),
    supervise.policy,
    supervise.events,
  );
}

export class DatabaseUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `No database available (${detail}). Either set MONGODB_URI to a MongoDB server, install mongod ` +
        `on PATH, or let the project build FerretDB v1.24.2 (needs the Go toolchain: run \`npm start\`, ` +
        `which builds it into .cache/ferretdb, or point FERRETDB_BIN at a ferretdb binary).`,
    );
    this.name = 'DatabaseUnavailableError';
  }
}

export function findOnPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

export function ferretdbBinaryPath(rootDir: string, override?: string): string {
  return override ?? path.join(rootDir, '.cache', 'ferretdb', 'ferretdb');
}

export async function resolveDatabase(opts: ResolveOptions): Promise<DatabaseHandle> {
  if (opts.mongodbUri) {
    await waitForPing(opts.mongodbUri, opts.startTimeoutMs ?? 30000);
    const uri = opts.mongodbUri;
    return { uri, kind: 'external', ping: () => pingOnce(uri), close: async () => undefined };
  }
  const port = opts.port ?? (await findFreePort());
  const mongod = findOnPath('mongod');
  if (mongod) {
    const workDir = path.join(opts.dataDir, 'mongod');
    return startChild(
      {
        kind: 'mongod',
        command: mongod,
        args: ['--dbpath', workDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
        port,
        workDir,
      },
      opts,
    );
  }
  const bin = ferretdbBinaryPath(opts.rootDir, opts.ferretdbBin);
  if (!fs.existsSync(bin)) {
    throw new DatabaseUnavailableError(`MONGODB_URI is not set, mongod is not on PATH and ${bin} does not exist`);
  }
  const workDir = path.join(opts.dataDir, 'ferretdb');
  fs.mkdirSync(workDir, { recursive: true });
  return startChild(
    {
      kind: 'ferretdb',
      command: bin,
      args: [
        '--handler=sqlite',
        ferretdbSqliteUrl(workDir, opts.syncEachCommit ?? false),
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable',
        '--debug-addr=-',
        '--state-dir=-',
        '--log-level=error',
      ],
      // Environment variables, not flags: an upstream ferretdb binary (FERRETDB_BIN) ignores them. GOGC=400:
      // FerretDB spent a tenth of its CPU collecting garbage at Go's default; its heap stays ~40 MB.
      env: { ...(opts.syncEachCommit ? {} : { YJS_WAL_SYNC_INTERVAL: '100ms' }), YJS_CHECKPOINT_INTERVAL: '1s', GOGC: process.env.GOGC ?? '400' },
      port,
      workDir,
    },
    opts,
  );
}

/**
 * WAL lets readers and the writer overlap, and busy_timeout waits for a lock instead of failing (measured:
 * 100 parallel updates 1.9 s → 1.1 s). Durability by default matches mongod's: synchronous=NORMAL never
 * loses a commit to a crash of the process, and the wrapper fsyncs the logs every 100 ms (mongod's journal
 * commit interval), so a power cut loses at most that much. An fsync per commit (EMBEDDED_DB_SYNC=commit)
 * costs a fifth of the engine's throughput and a third of task completions under load on this machine.
 */
export function ferretdbSqliteUrl(workDir: string, syncEachCommit: boolean): string {
  // The wrapper checkpoints in the background each second (tools/ferretdb/checkpoint.go), so a commit
  // seldom reaches the threshold that makes it checkpoint itself (32 MB instead of SQLite's 4 MB).
  const pragmas = ['busy_timeout(10000)', 'journal_mode(WAL)', 'wal_autocheckpoint(8000)', ...(syncEachCommit ? [] : ['synchronous(NORMAL)'])];
  return `--sqlite-url=file:${workDir}/?${pragmas.map((p) => `_pragma=${p}`).join('&')}`;
}
