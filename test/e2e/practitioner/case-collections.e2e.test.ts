// The case page in words in Chromium against the whole product, on a phone and a desktop: a victim worker
// sees each victim as its own item with labels and dates in words, corrects one item by picking a known
// field by its label (an option list, not a key box) — the other item is left as it was — and reads the
// correction in the history and the chronology; a case manager, who may not read victims, gets neither the
// tab nor the names. No serious axe violation, and nothing wider than 390 px.
import type { Browser, Page } from 'playwright-core';
import { signInAs } from '../../support/browser';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 390);

describe('case record in words in the browser', () => {
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
    await post(victims, { changes: { victimName: 'Ann Example', contactDate: '2026-11-20' }, reason: 'police referral' });
    await post(victims, { changes: { victimName: 'Bo Example' }, reason: 'police referral' });
  });

  it('lists each victim in words and corrects one by its label at 390 px, leaving the other untouched', async () => {
    const page = await signInAs(browser, system.url, 'vicky.victim', { viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { level: 1, name: 'Vee Items' }).waitFor();
    expect(await page.locator('.case-facts').textContent()).toMatch(/Age\s*15 years/);
    await page.getByRole('tab', { name: 'Victims' }).focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('region', { name: /Victims/ });
    await list.getByRole('heading', { name: 'Victim 2' }).waitFor();
    const first = list.getByTestId(/^item-/).first();
    const second = list.getByTestId(/^item-/).nth(1);
    expect(await first.getByRole('heading').textContent()).toBe('Victim 1');
    expect(await first.locator('dt', { hasText: "Victim's name" }).count()).toBe(1); // the form's label, not victimName
    expect(await first.textContent()).toContain('20 November 2026'); // the one date format
    expect(await first.textContent()).not.toMatch(/victimName|contactDate/);
    expect(await fitsPhone(page)).toBe(true);
    await expectNoSeriousAxeViolations(page, { label: 'case page, victims tab, phone' });

    await first.getByText('Correct this item').focus();
    await page.keyboard.press('Enter');
    const form = first.getByRole('form', { name: 'Correct Victim 1' });
    // The list offers the item's fields by their labels (the option's value is the key the server stores).
    const picker = form.getByLabel('Value to correct');
    await picker.selectOption('rjConsent');
    const label = (await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0].textContent))!;
    expect(label).not.toBe('rjConsent');
    const input = form.getByLabel(`New value: ${label}`, { exact: false });
    await input.selectOption({ index: 1 }); // the first of the form's options, by its label
    const chosen = await input.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0].textContent);
    await form.getByLabel('Reason for the change').fill('told us by phone');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await first.getByRole('status').getByText('saved', { exact: false }).waitFor();
    expect(await first.textContent()).toContain(chosen!);
    expect(await second.textContent()).not.toContain(chosen!);
    expect(await fitsPhone(page)).toBe(true);

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('tabpanel').getByText(`${label} of Victim 1 set to ${chosen}`, { exact: false }).waitFor();
    expect(await page.getByRole('tabpanel').textContent()).toContain('by Vicky Victim on');
    await page.getByRole('tab', { name: 'Chronology' }).click();
    await page.getByTestId('chronology').getByText('Victims corrected', { exact: false }).first().waitFor();
    expect(page.url()).toContain('tab=chronology');
    expect(await fitsPhone(page)).toBe(true);
    await expectNoSeriousAxeViolations(page, { label: 'case page, chronology tab, phone' });
  }, 120_000);

  it('a case manager gets no Victims tab and no victim names; the desktop page has no serious axe violation', async () => {
    const page = await signInAs(browser, system.url, 'cara.case');
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { level: 1, name: 'Vee Items' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Victims' }).count()).toBe(0);
    expect(await page.content()).not.toContain('Ann Example');
    await expectNoSeriousAxeViolations(page, { label: 'case page, desktop' });
    await page.getByRole('tab', { name: 'Chronology' }).click();
    await page.getByTestId('chronology').waitFor();
    expect(await page.getByTestId('chronology').textContent()).not.toContain('Victims corrected');
  }, 60_000);
});
