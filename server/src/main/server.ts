// Server entry: validate config (fail fast, naming the variable), start the system, stop it
// cleanly on SIGTERM/SIGINT/SIGHUP, or when `npm start`'s launcher (scripts/start.mjs) goes away.
// A stop during start-up, or a second signal during shutdown, exits at once: the database child's
// 'exit' hook (database-child.ts) still stops it, so no stop leaves a process behind.
import { ConfigError, loadConfig } from '../config/env.config';
import { createLogger } from './logger';
import { findProjectRoot } from './project-root';
import { startSystem } from './composition-root';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, findProjectRoot());
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee README.md, "Configuration", for every variable and its default.\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let shuttingDown = false;
  let system: Awaited<ReturnType<typeof startSystem>> | undefined;

  const fatal = (msg: string) => {
    if (shuttingDown) return;
    logger.fatal(msg);
    process.stderr.write(`${msg}\n`);
    if (!shuttingDown) void shutdown(1);
  };

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('shutting down');
    // A module whose stop never settles must not keep the process (and so the database child) alive.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting now');
      process.exit(code || 1);
    }, config.SHUTDOWN_TIMEOUT_MS + 10000).unref();
    try {
      await system?.close();
    } finally {
      process.exit(code);
    }
  };

  const stop = (why: string) => {
    logger.info({ why }, shuttingDown ? 'stopping at once' : 'stop requested');
    if (shuttingDown || !system) process.exit(shuttingDown ? 130 : 0);
    void shutdown(0);
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => stop(sig));
  // Started by scripts/start.mjs (own process group, IPC channel): the channel closes when the launcher
  // dies in any way, even SIGKILL, which no signal of ours would tell us.
  if (process.channel) {
    process.on('disconnect', () => stop('launcher gone'));
    process.channel.unref();
  }

  try {
    system = await startSystem(config, logger, fatal);
  } catch (e) {
    process.stderr.write(`Could not start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  logger.info({ url: system.url, database: system.database.kind }, 'listening');
  process.stdout.write(`\nYouth Justice workflow is running at ${config.PUBLIC_URL} (database: ${system.database.kind})\n`);
}

void main();
