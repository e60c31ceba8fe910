import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { rootDir } from '../support/server-process';
import { startTestSystem } from '../support/system';

describe('app shell in Chromium', () => {
  let browser: Browser;
  let system: Awaited<ReturnType<typeof startTestSystem>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rootDir, 'client', 'dist', 'index.html'))) {
      throw new Error('client/dist is missing: run the tests through `npm test`, which builds the client');
    }
    system = await startTestSystem();
    browser = await launchBrowser();
  }, 120000); // a server start deploys every process and form: as the other e2e files allow
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('loads the shell from the real server and shows /readyz on the page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${system.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(); // home is the signed-in person's dashboard
    const badge = page.getByTestId('readiness');
    await badge.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 10000 });
    expect(await badge.textContent()).toMatch(/Service ready \(database: external\)/);
    expect(errors).toEqual([]);
  });

  it('asks for sign-in on a protected route, then shows the areas the roles allow', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.url}/tasks`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill('cara.case');
    await page.getByLabel('Password').fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toBe('Cara Case');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Timescales' }).click();
    await page.getByRole('heading', { name: /Timescales/ }).first().waitFor();
    expect(page.url()).toBe(`${system.url}/timescales`);
    // A case manager administers nobody and reads no audit trail: those entries are not offered.
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(0);
  });

  it('reports a database that stops answering', async () => {
    const page = await browser.newPage();
    await page.route('**/readyz', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 'not-ready', database: { kind: 'ferretdb', ready: false } }) }),
    );
    await page.goto(`${system.url}/`);
    await page.locator('[data-testid="readiness"][data-state="not-ready"]').waitFor({ timeout: 10000 });
    expect(await page.getByTestId('readiness').textContent()).toMatch(/cannot be saved/);
    // …and warns under the header, with the server's reason, in the GOV.UK warning-text pattern.
    expect(await page.getByTestId('readiness-warning').textContent()).toMatch(/Warning: The service cannot save changes at the moment/);
  });
});
