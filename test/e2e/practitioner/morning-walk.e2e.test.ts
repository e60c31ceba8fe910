// A case manager's morning, walked as one journey in Chromium against the whole product (issue 18's "done
// when"), once at desktop width and once on a 390 px phone: home shows her work → the cases list finds the
// child by name and by date of birth or reference → the case page's header in words → the chronology →
// a missed appointment recorded as an unacceptable absence starts the compliance & breach follow-up → a
// document uploaded, listed and downloaded → victim contact started from the case with its start form → the
// intake's first task opened fresh from its deep link (the URL an escalation email carries), prefilled from
// what the referral recorded, completed, its answers read back in words with the link to the next task.
// Signed in once per viewport as the demo case manager; axe on every page; on the phone nothing scrolls
// sideways and the main navigation is the folded Menu.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { demoSessions } from '../../support/demo-sessions';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';
import { referralStartVariables } from '../../../server/src/domain/cases/referral-start-variables';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
type Viewport = typeof DESKTOP;

interface Child { givenName: string; familyName: string; dateOfBirth: string; born: string; age: string; id?: string }
const children: Record<'desktop' | 'phone', Child> = {
  desktop: { givenName: 'Kit', familyName: 'Marlowe', dateOfBirth: '2010-03-14', born: '14 March 2010', age: '16 years' },
  phone: { givenName: 'Nia', familyName: 'Okafor', dateOfBirth: '2011-07-02', born: '2 July 2011', age: '15 years' },
};
const nameOf = (c: Child) => `${c.givenName} ${c.familyName}`;

describe("a case manager's morning, desktop and phone", () => {
  let system: E2eSystem;
  let browser: Browser;
  const api = demoSessions(() => system.url);

  /** As the referral page does it: the case (referred by the police, allocated to Cara), its intake started, and a court order. */
  async function refer(child: Child): Promise<string> {
    const cara = await system.modules.security.users.findByUsername('cara.case');
    const person = { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth };
    const created = await api.call('cara.case', 'POST', '/cases', { ...person, team: 'north', referralSource: 'police', caseManagerId: cara!.id, confirmedNotDuplicate: true });
    if (created.status !== 201) throw new Error(`case: ${created.text}`);
    const id = created.body.id as string;
    const started = await api.call('cara.case', 'POST', `/cases/${encodeURIComponent(id)}/processes`, {
      processId: 'referral-intake', variables: referralStartVariables({ ...person, referralSource: 'police' }, new Date()),
    });
    const order = await api.call('cara.case', 'POST', `/cases/${encodeURIComponent(id)}/sections/offending/collections/orders`, {
      changes: { type: 'yro', start: '2025-01-06', end: '2030-01-05' }, reason: 'Order made at youth court',
    });
    if (started.status !== 201 || order.status !== 201) throw new Error(`intake or order: ${started.text} ${order.text}`);
    return id;
  }

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    await api.signIn('cara.case');
    for (const child of Object.values(children)) child.id = await refer(child);
  });

  const fits = async (page: Page, viewport: Viewport, where: string) => {
    await expectNoSeriousAxeViolations(page, { label: `${where}, ${viewport === PHONE ? 'phone' : 'desktop'}` });
    if (viewport !== PHONE) return;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) throw new Error(`${where} scrolls sideways on a 390 px phone: ${width} px wide`);
  };

  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`walks the morning in one journey (${label})`, async () => {
      const child = children[label];
      const name = nameOf(child);
      const page = await signInAs(browser, system.url, 'cara.case', { viewport, startPath: '/' });
      page.setDefaultTimeout(20_000);

      // Home: her work. The child is in her caseload, with the date of birth and the next deadline in words.
      await page.getByRole('heading', { level: 1, name: 'Your work' }).waitFor();
      const caseload = page.getByRole('region', { name: 'Your caseload' });
      const mine = caseload.getByRole('listitem').filter({ hasText: name });
      await mine.getByRole('link', { name }).waitFor();
      expect(await mine.textContent()).toContain(`Born ${child.born}`);
      expect(await mine.textContent()).toMatch(/Next: Match or create person \(duplicate check\), due \d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(await page.getByRole('link', { name: /2\s+cases in your caseload/ }).count()).toBe(1);
      await fits(page, viewport, 'home');

      // Cases list, through the main navigation (folded behind Menu on a phone): by name, then by date of birth.
      const nav = page.getByRole('navigation', { name: 'Main' });
      if (viewport === PHONE) await nav.getByRole('button', { name: 'Menu' }).click();
      await nav.getByRole('link', { name: 'Cases' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      const search = page.getByLabel('Search by name, date of birth, NHS number or reference');
      await search.fill(child.familyName.toLowerCase());
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: '1 case' }).waitFor();
      await page.getByRole('link', { name }).waitFor();
      await fits(page, viewport, 'cases list');
      await search.fill(label === 'desktop' ? child.born : child.id!);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL((u) => u.searchParams.get('q') === (label === 'desktop' ? child.born : child.id));
      await page.getByRole('heading', { name: '1 case' }).waitFor();

      // The case: its header in words.
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const facts = (await page.getByRole('main').textContent()) ?? '';
      expect(facts).toContain(`${child.age} (born ${child.born})`);
      expect(facts).toContain(child.id);
      expect(facts).toMatch(/Allocated worker\s*Cara Case/);
      expect(facts).toMatch(/Team\s*North/);
      expect(facts).toContain('Youth rehabilitation order — ends 5 January 2030');
      expect(facts).toContain('Match or create person (duplicate check)');
      await fits(page, viewport, 'case page');

      // The record in words: the referral's "Referred by" as the intake form names it, and in the history.
      await page.getByRole('tab', { name: 'Offending', exact: true }).click();
      const offending = (await page.getByRole('tabpanel').textContent()) ?? '';
      expect(offending).toMatch(/Referred by\s*Police\s*Recorded at referral by Cara Case/);
      expect(offending).toMatch(/Youth rehabilitation order\s*Added by Cara Case/); // the order was added, not corrected
      await page.getByRole('tab', { name: 'History', exact: true }).click();
      await page.getByRole('tabpanel').getByText('Referred by set to Police', { exact: false }).waitFor();

      // Chronology: the referral, in words, saying who referred as the case page and History do.
      await page.getByRole('tab', { name: 'Chronology', exact: true }).click();
      const chronology = page.getByTestId('chronology');
      await chronology.getByText('Referral received from Police').waitFor();
      expect(await chronology.textContent()).toContain('Cara Case');
      expect(await chronology.textContent()).toContain('Offending: Order 1 added'); // added, not "corrected"
      expect(await chronology.textContent()).toContain('Reason: Order made at youth court');
      await fits(page, viewport, 'chronology');

      // A missed appointment: did not attend, unacceptable absence → compliance & breach starts.
      // The log's tab is named as its heading, apart from the Plans and reviews section.
      await page.getByRole('tab', { name: 'Plans and reviews', exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Contacts and appointments', exact: true }).click();
      const contacts = page.getByRole('region', { name: 'Contacts and appointments' });
      await contacts.getByRole('button', { name: 'Record a contact' }).click();
      expect(await contacts.getByRole('heading', { name: 'Record a contact' }).count()).toBe(1); // the form's own, once
      await contacts.getByLabel(/^Date/).fill('2026-11-23');
      await contacts.getByLabel(/^Time/).fill('10:00');
      await contacts.getByLabel(/^Type of contact/).selectOption({ label: 'Office appointment' });
      await contacts.getByLabel(/^With whom/).fill(`${child.givenName} and his father`);
      await contacts.getByLabel('Did not attend').check();
      await contacts.getByLabel('Unacceptable absence').check();
      await contacts.getByLabel(/^Reason given/).fill('No reason given on the phone');
      await fits(page, viewport, 'contacts form');
      await contacts.getByRole('button', { name: 'Save contact' }).click();
      await contacts.getByRole('status').getByText(/The compliance and breach follow-up has started/).waitFor();
      const missed = contacts.getByRole('listitem').filter({ hasText: 'Office appointment' });
      await missed.getByRole('heading', { name: 'Office appointment, 23 November 2026, 10:00' }).waitFor();
      expect(await missed.textContent()).toContain('Did not attend: unacceptable absence');
      await page.reload();
      await page.getByRole('region', { name: /^Open tasks/ }).getByRole('link', { name: 'Follow up the failure to comply' }).waitFor(); // the case shows it
      await fits(page, viewport, 'contacts');

      // A document: uploaded, listed in words, downloaded as the same bytes.
      await page.getByRole('tab', { name: 'Documents', exact: true }).click();
      const documents = page.getByRole('region', { name: 'Documents' });
      const note = Buffer.from(`Note of the missed appointment for ${name}.\n`);
      await documents.getByLabel('Section of the record').selectOption({ label: 'Offending' });
      await documents.getByLabel('Upload a file').setInputFiles({ name: 'missed appointment.txt', mimeType: 'text/plain', buffer: note });
      await documents.getByLabel('Type of document').selectOption({ label: 'Letter or email' });
      await documents.getByRole('button', { name: 'Upload file' }).click();
      await documents.getByText('missed appointment.txt has been uploaded.').waitFor();
      const listed = documents.getByRole('listitem').filter({ hasText: 'missed appointment.txt' });
      expect(await listed.textContent()).toMatch(/added by Cara Case on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}/);
      const [download] = await Promise.all([page.waitForEvent('download'), listed.getByRole('link').click()]);
      expect(fs.readFileSync((await download.path())!).equals(note)).toBe(true);
      await fits(page, viewport, 'documents');

      // Victim contact, started from the case with its start form.
      await page.getByRole('tab', { name: 'Start work', exact: true }).click();
      const start = page.getByRole('region', { name: 'Start work' });
      await start.getByRole('button', { name: 'Victim contact & restorative justice' }).click();
      await start.getByLabel(/^Date the crime was reported/).fill('2026-11-20');
      await start.getByLabel(/^Date the police passed on/).fill('2026-11-23');
      await fits(page, viewport, 'start work form');
      await start.getByRole('button', { name: 'Start' }).click();
      await start.getByText('Victim contact & restorative justice has started.').waitFor();
      await start.getByText(/is in the victim workers queue\./).waitFor();

      // The intake's first task from its deep link, loaded fresh: prefilled from the referral, completed.
      const [first] = (await system.modules.tasks.tasks.search({ caseId: child.id!, state: 'open' }, { field: 'dueDate', direction: 'asc' }, { offset: 0, limit: 10 }))
        .items.filter((t) => t.elementId === 'matchPerson');
      await page.goto(`${system.url}/tasks/${encodeURIComponent(first.id)}`);
      await page.getByRole('heading', { level: 1, name: 'Match or create person (duplicate check)' }).waitFor();
      expect(await page.getByTestId('task-case').textContent()).toBe(`${name} · ${child.id}`);
      await page.getByText('Claimed by you').waitFor(); // the allocated worker's: the case's later tasks go to her
      expect(await page.getByLabel('No match: create a new person').isChecked()).toBe(true);
      expect(await page.getByLabel('Given name').inputValue()).toBe(child.givenName);
      expect(await page.getByLabel('Family name').inputValue()).toBe(child.familyName);
      expect(await page.getByLabel('Date of birth').inputValue()).toBe(child.dateOfBirth);
      expect(await page.getByLabel('Referred by').locator('option:checked').textContent()).toBe('Police');
      await fits(page, viewport, 'task page');
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByRole('heading', { name: 'Task completed' }).waitFor();
      const answers = page.getByRole('region', { name: 'Answers' });
      await answers.getByText('Police', { exact: true }).waitFor();
      await answers.getByText('No match: create a new person', { exact: true }).waitFor();
      expect(await answers.textContent()).toContain(child.born);
      expect(await answers.textContent()).not.toMatch(/referralSource|matchOutcome|police\b/);
      // The link to the case's next task she can work: the compliance follow-up the missed appointment started.
      await page.getByRole('link', { name: `Next: Follow up the failure to comply for ${name}` }).waitFor();
      await fits(page, viewport, 'completed task');
      await page.context().close();
    }, 150_000);
  }
});
