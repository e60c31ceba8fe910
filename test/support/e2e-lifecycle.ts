// The set-up every Chromium e2e file shares: one product system on a fresh database and one browser for
// the file, closed afterwards. `ready` receives both (and may seed more) before the first test runs.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestSystem } from './system';

export type E2eSystem = Awaited<ReturnType<typeof startTestSystem>>;

export function e2eLifecycle(ready: (system: E2eSystem, browser: Browser) => void | Promise<void>): void {
  let system: E2eSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    system = await startTestSystem();
    browser = await launchBrowser();
    await ready(system, browser);
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });
}
