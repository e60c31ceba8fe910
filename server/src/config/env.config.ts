// The one environment schema. Every variable is listed here with its default and documented in
// README ("Configuration"); an invalid value stops the start with a message naming the variable.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { topologyOf, type Topology } from './topology';
import { zeebeSettingsFrom, type ZeebeSettings } from './zeebe.config';

const port = z.coerce
  .number({ message: 'must be a whole number between 1 and 65535' })
  .int('must be a whole number between 1 and 65535')
  .min(1, 'must be a whole number between 1 and 65535')
  .max(65535, 'must be a whole number between 1 and 65535');

const minutes = z.coerce
  .number({ message: 'must be a number of minutes between 0.01 and 1440' })
  .min(0.01, 'must be a number of minutes between 0.01 and 1440')
  .max(24 * 60, 'must be a number of minutes between 0.01 and 1440');

const url = (what: string) => z.string().url(`must be a URL (${what})`);

// Which proxies may set X-Forwarded-For (the client address the sign-in rate limit counts by). Off by
// default: trusting it without a proxy in front lets any client choose its own address. 'true' is
// refused for the same reason; name the proxy instead (loopback, an address, a subnet, or a hop count).
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyEntry = (s: string) => PROXY_NAMES.includes(s) || isIP(s.split('/')[0]) !== 0;
const trustProxy = z
  .string()
  .trim()
  .refine(
    (s) => s === 'false' || /^[1-9]$/.test(s) || s.split(',').every((p) => isProxyEntry(p.trim())),
    "must be 'false', a number of proxy hops (1-9), or a comma-separated list of loopback, linklocal, uniquelocal, addresses or subnets (e.g. 10.0.0.0/8)",
  )
  .transform((s): false | number | string[] => (s === 'false' ? false : /^\d$/.test(s) ? Number(s) : s.split(',').map((p) => p.trim())));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url('e.g. https://yjs.example.gov.uk').optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  // How many servers share the database (topology.ts); unset, it follows MONGODB_URI (see loadConfig).
  TOPOLOGY: z.enum(['single', 'shared'], { message: "must be 'single' (one server on its database) or 'shared' (several servers on one MongoDB)" }).optional(),
  // In shared mode: how long the embedded engine's owner holds its lease without renewing it (engine-lease.port.ts).
  ENGINE_LEASE_SECONDS: z.coerce.number({ message: 'must be a number of seconds between 2 and 300' }).min(2, 'must be a number of seconds between 2 and 300').max(300, 'must be a number of seconds between 2 and 300').default(15),
  // In shared mode: the address the other servers reach this one at to hand it engine commands when it owns the engine.
  INTERNAL_URL: url('this server as the other servers reach it, e.g. http://10.0.0.5:3000').optional(),
  DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only').default('yjs'),
  DATA_DIR: z.string().min(1).default('./data'),
  FERRETDB_BIN: z.string().min(1).optional(),
  EMBEDDED_DB_SYNC: z.enum(['interval', 'commit'], { message: "must be 'interval' (fsync every 100 ms, as mongod's journal) or 'commit' (fsync every commit)" }).default('interval'),
  // Restarts in a row of an embedded database child that exits (0: the server exits with it, as before).
  EMBEDDED_DB_RESTARTS: z.coerce.number().int().min(0).max(100).default(5),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Youth Justice Workflow <no-reply@localhost>'),
  // zeebe: a Camunda 8.8 cluster runs the processes (docs/zeebe.md); its settings (ZEEBE_REST_ADDRESS,
  // CAMUNDA_*) are validated in loadConfig by zeebe.config.ts, under the names @camunda8/sdk reads.
  ENGINE: z.enum(['embedded', 'zeebe'], { message: "must be 'embedded' (the server's own engine) or 'zeebe' (a Camunda 8 cluster)" }).default('embedded'),
  // With SQLite behind FerretDB, concurrent writers mostly earn SQLITE_BUSY retries: fewer at once is faster.
  ENGINE_DB_CONCURRENCY: z.coerce.number().int().min(1, 'must be a whole number from 1 to 32').max(32, 'must be a whole number from 1 to 32').default(2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'a size such as 100kb or 1mb').default('1mb'),
  // The largest document a practitioner may file on a case, in MB (1 MB = 1,048,576 bytes). Files are
  // stored in the database, so the database's disk is the real bound; BODY_LIMIT does not apply to them.
  DOCUMENT_MAX_MB: z.coerce.number({ message: 'must be a number of megabytes between 0.01 and 100' }).min(0.01, 'must be a number of megabytes between 0.01 and 100').max(100, 'must be a number of megabytes between 0.01 and 100').default(10),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  SERVE_CLIENT: z.enum(['true', 'false']).default('true'),
  SEED_DEMO_USERS: z.enum(['true', 'false']).optional(),
  // Demo children with outcomes, closures and victim contacts (application/users/seed-demo-cases.ts), for a
  // demonstration: off unless set, so a real installation and the tests never get them.
  SEED_DEMO_CASES: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  BANK_HOLIDAY_REGION: z.enum(['GB-ENG', 'GB-WLS']).default('GB-ENG'),
  DEADLINE_END_OF_DAY: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 17:00').default('17:00'),
  // Who gets a notice the recipient rules send to nobody: a username (the head of service) or a service
  // mailbox address. The default is the demo's head of service; production names its own.
  ESCALATION_FALLBACK: z
    .string()
    .trim()
    .regex(/^([a-z0-9][a-z0-9._-]{2,39}|[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,})$/, 'a username (e.g. hana.head) or an email address (e.g. yjs-escalations@council.gov.uk)')
    .default('hana.head'),
  // Fractions are allowed (0.05 = 3 s) so the soak test can run every periodic job many times over.
  ESCALATION_SWEEP_MINUTES: minutes.default(10),
  SESSION_CLEANUP_MINUTES: minutes.default(10),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig extends Omit<Env, 'SERVE_CLIENT' | 'SEED_DEMO_USERS' | 'TOPOLOGY'> {
  /** Stated once here and passed to every module that keeps state in memory (topology.ts). */
  TOPOLOGY: Topology;
  /** ENGINE=zeebe: the Camunda 8 cluster's validated settings (zeebe.config.ts); absent otherwise. */
  ZEEBE?: ZeebeSettings;
  PUBLIC_URL: string;
  DATA_DIR: string;
  SERVE_CLIENT: boolean;
  /** Demo users are seeded into an empty database unless this is false (default false in production). */
  SEED_DEMO_USERS: boolean;
  rootDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; empty strings count as unset so `PORT= npm start` uses the default. */
export function loadConfig(env: NodeJS.ProcessEnv, rootDir: string): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const given = cleaned[name];
      return `${name}: ${issue.message}${given !== undefined ? ` (got "${given}")` : ''}`;
    });
    throw new ConfigError(problems);
  }
  const e = result.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)']);
  }
  const topology = topologyOf(e.TOPOLOGY, e.MONGODB_URI);
  if (typeof topology !== 'string') throw new ConfigError([topology.problem]);
  const zeebe = e.ENGINE === 'zeebe' ? zeebeSettingsFrom(cleaned) : undefined;
  if (zeebe && 'problems' in zeebe) throw new ConfigError(zeebe.problems);
  return {
    ...e,
    TOPOLOGY: topology,
    ...(zeebe ? { ZEEBE: zeebe } : {}),
    SERVE_CLIENT: e.SERVE_CLIENT === 'true',
    SEED_DEMO_USERS: e.SEED_DEMO_USERS ? e.SEED_DEMO_USERS === 'true' : e.NODE_ENV !== 'production',
    PUBLIC_URL: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    DATA_DIR: path.resolve(rootDir, e.DATA_DIR),
    rootDir,
  };
}
