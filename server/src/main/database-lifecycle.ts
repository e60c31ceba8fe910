// What the composition root needs to survive the embedded database dying: the restart policy and its log
// lines, the reload of in-memory state once the child is back, and readiness (a restart under way, failures
// of the last seconds, a ping through the app's own connections) for /readyz and the API's 503 gate.
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.config';
import type { DatabaseHandle } from '../ports/database.port';
import { DatabaseFailureLog } from '../adapters/database/database-failures';
import { defaultRestartPolicy } from '../adapters/database/database-supervisor';
import type { ResolveOptions } from '../adapters/database/resolve-database';
import type { DatabaseProblem, HealthDeps } from '../http/health.routes';

/** Failures within this window make /readyz answer 503; a quiet window makes it ready again. */
export const FAILURE_WINDOW_MS = 30000;

/** A ping over one of the app's pooled connections; a reply with fields a ping never has was meant for another request. */
async function pingThrough(conn: Connection, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
  });
  try {
    const reply = await Promise.race([conn.getClient().db('admin').command({ ping: 1 }), timeout]);
    return reply.ok === 1 && Object.keys(reply).every((k) => k === 'ok' || k === 'operationTime' || k.startsWith('$'));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The logger handed to the modules, which log what their background work met (escalation sweeps, delivery,
 * projections: `logger.error({ err }, …)`): database errors among those count for readiness too — the
 * sweep's MongoUnexpectedServerResponseError was the first sign that replies went to the wrong requests.
 */
export function observingLogger(logger: Logger, observe: (err: unknown) => void): Logger {
  return new Proxy(logger, {
    get(target, prop) {
      if (prop === 'error' || prop === 'fatal' || prop === 'warn') {
        return (obj: unknown, ...rest: unknown[]) => {
          if (obj && typeof obj === 'object') observe((obj as { err?: unknown }).err ?? obj);
          return (target[prop] as (...a: unknown[]) => void)(obj, ...rest);
        };
      }
      if (prop === 'child') return (...args: Parameters<Logger['child']>) => observingLogger(target.child(...args) as unknown as Logger, observe);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function createDatabaseLifecycle(config: AppConfig, logger: Logger, onFatal: (msg: string) => void) {
  const failures = new DatabaseFailureLog(FAILURE_WINDOW_MS);
  let reload: () => Promise<void> = async () => undefined;
  let unwatch: () => void = () => undefined;

  const supervise: ResolveOptions['supervise'] = {
    policy: { ...defaultRestartPolicy, maxRestarts: config.EMBEDDED_DB_RESTARTS ?? defaultRestartPolicy.maxRestarts },
    events: {
      onDown: ({ code, signal, stderrTail, attempt, delayMs }) => {
        failures.record(`the embedded database stopped (code ${code}, signal ${signal})`);
        logger.error(
          { code, signal, attempt, delayMs, stderr: stderrTail.trim().slice(-1000) || undefined },
          delayMs === undefined ? 'the embedded database stopped unexpectedly' : 'the embedded database stopped unexpectedly; restarting it',
        );
      },
      onStartFailed: ({ attempt, error }) => logger.error({ attempt, err: error }, 'restarting the embedded database failed'),
      onRestarted: async ({ attempt, pid, downMs }) => {
        // Writes in flight when it died answered 503 and may or may not be stored: read what memory mirrors again.
        await reload();
        failures.reset();
        logger.error({ attempt, pid, downMs }, 'the embedded database was restarted; serving again');
      },
      onGiveUp: (message) => onFatal(`The embedded database stopped unexpectedly and ${message}.`),
    },
  };

  return {
    failures,
    /** For the modules: their logged database errors count for /readyz. */
    moduleLogger: observingLogger(logger, (err) => void failures.observe(err)),
    /** For resolveDatabase; an external MongoDB is not ours to restart. */
    resolveOptions: (): Pick<ResolveOptions, 'supervise' | 'onUnexpectedExit'> =>
      config.MONGODB_URI
        ? { onUnexpectedExit: (code, signal, tail) => onFatal(`The database stopped unexpectedly (code ${code}, signal ${signal}). ${tail.trim()}`) }
        : { supervise },
    /** Once the connection and the modules exist. */
    attach(conn: Connection, reloadState: () => Promise<void>): void {
      reload = reloadState;
      unwatch = failures.watch(conn.getClient());
    },
    health(database: DatabaseHandle, conn: Connection, version: string): HealthDeps {
      return {
        databaseKind: database.kind,
        version,
        isDatabaseReady: () => pingThrough(conn, 2000).catch((e) => (failures.observe(e), false)),
        databaseProblem(): DatabaseProblem | undefined {
          const status = database.status?.();
          if (status && status.state !== 'up') {
            const message = status.state === 'restarting' ? `the embedded database is being restarted (down since ${status.since})` : 'the embedded database could not be restarted';
            return { reason: status.state, message, restarts: status.restarts };
          }
          const recent = failures.recent();
          if (!recent.count) return undefined;
          return {
            reason: 'recent-failures',
            message: `${recent.count} database failure${recent.count === 1 ? '' : 's'} in the last ${FAILURE_WINDOW_MS / 1000} s, the last at ${recent.last!.at}: ${recent.last!.message}`,
            failures: recent.count,
            ...(status ? { restarts: status.restarts } : {}),
          };
        },
        observeError: (err) => void failures.observe(err),
      };
    },
    detach: () => unwatch(),
  };
}
