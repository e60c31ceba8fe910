// The case page's collections in Chromium against the whole product, on a phone-sized screen: a victim
// worker sees each victim as its own item, amends one of them by keyboard alone (the other is left as it
// was), and a case manager, who may not read victims, gets neither the tab nor the names.
import type { Browser } from 'playwright-core';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe('case record collections in the browser', () => {
  let browser: Browser;
  let system: E2eSystem;
  let caseId: string;

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    const signIn = await fetch(`${s.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tom.manager', password: 'demo-password-2026' }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    const headers = { cookie, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
    const post = async (url: string, body: unknown) => {
      const res = await fetch(`${s.url}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
      return res.json() as Promise<{ id: string }>;
    };
    caseId = (await post('/api/cases', { givenName: 'Vee', familyName: 'Items', dateOfBirth: '2011-01-01', team: 'north' })).id;
    const victims = `/api/cases/${encodeURIComponent(caseId)}/sections/victims/collections/victims`;
    await post(victims, { changes: { name: 'Ann Example', contactedOn: '2026-11-20' }, reason: 'police referral' });
    await post(victims, { changes: { name: 'Bo Example' }, reason: 'police referral' });
  });

  it('lists each victim as an item and amends one by keyboard at 390 px, leaving the other untouched', async () => {
    const page = await signInAs(browser, system.url, 'vicky.victim', { viewport: { width: 390, height: 844 } });
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('tab', { name: 'Victims' }).focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('region', { name: /Victims/ });
    await list.getByRole('heading', { name: 'Victim 2' }).waitFor();
    const first = list.getByTestId(/^item-/).first();
    const second = list.getByTestId(/^item-/).nth(1);
    expect(await first.getByRole('heading').textContent()).toBe('Victim 1');
    expect(await first.textContent()).toContain('20/11/2026'); // the page's one date format
    expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true); // nothing cut off at 390 px

    await first.getByText('Amend this item').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('rjConsent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('yes');
    await page.keyboard.press('Tab');
    await page.keyboard.type('told us by phone');
    await page.keyboard.press('Enter');
    await first.getByRole('status').getByText('Saved.', { exact: false }).waitFor();
    expect(await first.textContent()).toContain('rjConsent');
    expect(await second.textContent()).not.toContain('rjConsent');
  });

  it('a case manager gets no Victims tab and no victim names', async () => {
    const page = await signInAs(browser, system.url, 'cara.case');
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { name: 'Vee Items' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Victims' }).count()).toBe(0);
    expect(await page.content()).not.toContain('Ann Example');
  });
});
