// A case manager's morning starts at home: the dashboard lists her caseload, the cases list finds a child by
// name across teams (another team's record only "exists", with the break-glass link), and the case opens.
// On a desktop and on a 390 px phone, with no serious axe violation and nothing scrolling sideways.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { demoSessions } from '../../support/demo-sessions';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describe('dashboard → search → case, desktop and phone', () => {
  let system: E2eSystem;
  let browser: Browser;
  const api = demoSessions(() => system.url);
  let northCase = '';
  let southCase = '';

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    await api.signIn('cara.case');
    await api.signIn('sol.case');
    const cara = await system.modules.security.users.findByUsername('cara.case');
    const child = { givenName: 'Robin', familyName: 'Fielding', confirmedNotDuplicate: true };
    const north = await api.call('cara.case', 'POST', '/cases', { ...child, dateOfBirth: '2011-06-15', team: 'north', caseManagerId: cara!.id });
    const south = await api.call('sol.case', 'POST', '/cases', { ...child, dateOfBirth: '2012-02-02', team: 'south' });
    if (north.status !== 201 || south.status !== 201) throw new Error(`cases not created: ${north.text} ${south.text}`);
    northCase = north.body.id;
    southCase = south.body.id;
    const waiting = await api.call('cara.case', 'POST', '/cases', { givenName: 'Wren', familyName: 'Waiting', dateOfBirth: '2010-09-09', team: 'north', confirmedNotDuplicate: true });
    if (waiting.status !== 201) throw new Error(`case not created: ${waiting.text}`);
  });

  const fitsPhone = async (page: Page, viewport: typeof DESKTOP) => {
    if (viewport !== PHONE) return;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  };

  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`a team manager sees the team's unallocated cases and overdue work (${label})`, async () => {
      const page = await signInAs(browser, system.url, 'tom.manager', { viewport, startPath: '/' });
      const team = page.getByRole('region', { name: 'Your team' });
      await team.getByRole('heading', { name: 'Overdue work by worker' }).waitFor();
      await team.getByRole('link', { name: 'Wren Waiting' }).waitFor();
      expect(await team.getByTestId('dashboard-teams').textContent()).toBe('North team'); // the team by its name
      expect(await page.getByRole('link', { name: /without a case manager/ }).getAttribute('href')).toBe('/cases?worker=none&status=open');
      await expectNoSeriousAxeViolations(page, { label: `manager's dashboard, ${label}` });
      await fitsPhone(page, viewport);
      await page.getByRole('link', { name: /without a case manager/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      await page.getByRole('link', { name: 'Wren Waiting' }).waitFor();
      expect(await page.getByRole('link', { name: 'Robin Fielding' }).count()).toBe(0); // allocated to Cara
      await page.context().close();
    }, 120000);

    it(`a case manager finds and opens a case (${label})`, async () => {
      const page = await signInAs(browser, system.url, 'cara.case', { viewport, startPath: '/' });
      await page.getByRole('heading', { level: 1, name: 'Your work' }).waitFor();
      const caseload = page.getByRole('region', { name: 'Your caseload' });
      await caseload.getByRole('link', { name: 'Robin Fielding' }).waitFor();
      expect(await page.getByRole('link', { name: /1\s+case in your caseload/ }).count()).toBe(1);
      expect(await page.title()).toBe('Home – YJS Workflow');
      await expectNoSeriousAxeViolations(page, { label: `dashboard, ${label}` });
      await fitsPhone(page, viewport);

      const nav = page.getByRole('navigation', { name: 'Main' });
      if (viewport === PHONE) await nav.getByRole('button', { name: 'Menu' }).click();
      await nav.getByRole('link', { name: 'Cases' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      await page.getByLabel('Search by name, date of birth, NHS number or reference').fill('robin fielding');
      await page.getByLabel('Search in').selectOption('all');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: '1 case' }).waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe('robin fielding');
      const elsewhere = page.getByRole('region', { name: 'Records in other teams' });
      await elsewhere.getByText(`South team, reference ${southCase}`).waitFor();
      expect(await elsewhere.getByRole('link', { name: /break glass/ }).getAttribute('href')).toBe(`/cases/${encodeURIComponent(southCase)}`);
      expect(await elsewhere.textContent()).not.toContain('2012'); // nothing of the other team's child but that it exists
      await expectNoSeriousAxeViolations(page, { label: `cases list, ${label}` });
      await fitsPhone(page, viewport);

      await page.getByRole('link', { name: 'Robin Fielding' }).click();
      await page.getByRole('heading', { level: 1, name: /Robin Fielding/ }).waitFor();
      expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/cases/${northCase}`);
      await page.context().close();
    }, 120000);
  }
});
