// Debian's Chromium driven by playwright-core (never a downloaded browser build).
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new browser context signed in as a demo user (every demo user has the same password). */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: { viewport?: { width: number; height: number }; startPath?: string; onPage?: (page: Page) => void } = {},
): Promise<Page> {
  const page = await (await browser.newContext(opts.viewport ? { viewport: opts.viewport } : {})).newPage();
  opts.onPage?.(page);
  await page.goto(`${baseUrl}${opts.startPath ?? '/tasks'}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}
