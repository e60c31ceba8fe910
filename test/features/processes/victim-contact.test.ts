import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeFields, evaluateFeel, validateSubmission, type FormDefinition } from '../../../server/src/forms-core';
import { DAY, processHarness, type ProcessHarness } from './support/process-harness';

// Victims' Code 2020 (in force 1 April 2021), Right 3 paras 3.4–3.6: a victim of a child who offended has the right
// to information about restorative justice from the youth justice service within 5 working days (1 under enhanced
// rights, which include victims under 18) "of reporting the crime". gov.uk "Work with victims and restorative
// justice: youth offending teams": the service decides whether inviting the victim is appropriate and records why;
// involvement is voluntary; participants are kept informed and told when the intervention ends.
const form = (id: string): FormDefinition => JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms', `${id}.form`), 'utf8'));
/** The item a task's form amends: its group's itemId evaluated over the task's process variables (as the server does). */
const itemOf = (formId: string, vars: Record<string, unknown>) =>
  evaluateFeel((form(formId).components.find((c) => c.type === 'group')!.properties as { itemId: string }).itemId, vars);

const REPORTED = '2026-11-23T09:00:00Z'; // Monday
const RECEIVED = '2026-11-26T09:00:00Z'; // Thursday: details reached the service three days later

describe("Feature: victim contact & restorative justice (Victims' Code 2020)", () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-26T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string, extra: Record<string, unknown> = {}) => h.start('victim-contact', {
    caseId, crimeReportedAt: REPORTED, detailsReceivedAt: RECEIVED, victimObjected: false, enhancedRights: false, ...extra,
  });
  // The server writes the item's id at victim.id (the start's victimId, or a new id when the start named none).
  const suitability = (i: string, rjDecision: string, id: string) =>
    h.complete(i, 'suitability', { victim: { id, victimName: 'A', rjDecision, suitabilityReasons: 'r', suitabilityDecidedOn: '2026-11-26' } });
  const contact = (i: string, answers: Record<string, unknown>, task = 'contact') =>
    h.complete(i, task, { victimContact: { contactDate: '2026-11-27', contactMethod: 'phone', rjInformationOffered: true, contactConsent: 'yes', ...answers } });

  test('Given details that reached the service after the report, the RJ information is due 5 WD (1 WD enhanced) from the crime report', async () => {
    const standard = await start('vc-1', { victimId: 'v1' });
    expect((await h.task(standard, 'suitability')).dueDate).toBe('2026-11-30T17:00:00.000Z'); // report + 5 WD, not receipt + 5 WD
    const under18 = await start('vc-1', { victimId: 'v2', enhancedRights: true }); // victims under 18 have enhanced rights
    expect((await h.task(under18, 'suitability')).dueDate).toBe('2026-11-24T17:00:00.000Z'); // already overdue on arrival
    const unknownReport = await start('vc-1', { victimId: 'v3', crimeReportedAt: undefined });
    expect((await h.task(unknownReport, 'suitability')).dueDate).toBe('2026-12-03T17:00:00.000Z'); // fallback: receipt + 5 WD
  });

  test('A victim who asked the police not to pass their details on is not contacted', async () => {
    const i = await start('vc-2', { victimId: 'v4', victimObjected: true });
    expect(await h.state(i)).toBe('completed');
    expect(await h.engine.listUserTasks({ instanceKey: i })).toEqual([]);
  });

  test('Suitability is decided, with reasons, before the victim is contacted; only a suitable case is invited to RJ', async () => {
    const i = await start('vc-3', { victimId: 'v5' });
    expect(await h.openTasks(i)).toEqual(['suitability']);
    await suitability(i, 'not-suitable', 'v5');
    // Not invited: the contact task's form has no RJ question at all (the invitation form has one).
    expect(await h.openTasks(i)).toEqual(['contactInfo']);
    const asks = (id: string) => describeFields(form(id)).map((f) => f.path);
    expect(asks('victim-contact-information')).not.toContain('victimContact.rjConsent');
    expect(asks('victim-initial-contact')).toContain('victimContact.rjConsent');
    // Even an answer that slipped through cannot start RJ work without the service's decision.
    await contact(i, { keepInformed: 'yes', rjConsent: 'consents' }, 'contactInfo');
    expect(await h.openTasks(i)).toEqual(['keepInformed']);
    const invited = await start('vc-3', { victimId: 'v5b' });
    await suitability(invited, 'suitable', 'v5b');
    expect(await h.openTasks(invited)).toEqual(['contact']);
  });

  test('Declining RJ still allows information-only contact', async () => {
    const i = await start('vc-4', { victimId: 'v6' });
    await suitability(i, 'suitable', 'v6');
    await contact(i, { rjConsent: 'declines', keepInformed: 'yes' });
    expect(await h.openTasks(i)).toEqual(['keepInformed']);
    await h.complete(i, 'keepInformed', { victimUpdate: { updateDate: '2026-12-11', updateGiven: 'u', keepInformed: 'yes' } });
    expect(await h.openTasks(i)).toEqual(['keepInformed']); // the next update
    await h.complete(i, 'keepInformed', { victimUpdate: { updateDate: '2027-01-11', updateGiven: 'u', keepInformed: 'no' } });
    expect(await h.state(i)).toBe('completed');
  });

  test('Withdrawing from RJ ends only the RJ work: the victim stays in information-only contact', async () => {
    const i = await start('vc-5', { victimId: 'v7' });
    await suitability(i, 'suitable', 'v7');
    await contact(i, { rjConsent: 'consents', keepInformed: 'no' });
    expect(await h.openTasks(i)).toEqual(['rj']);
    expect((await h.engine.publishMessage('rj-consent-withdrawn', 'v7', {})).correlated).toBe(true);
    await h.at('2026-11-26T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['recordRjWithdrawal']);
    await h.complete(i, 'recordRjWithdrawal', { victimRjWithdrawal: { rjWithdrawnOn: '2026-11-30', rjConsent: 'withdrawn', keepInformed: 'yes' } });
    expect(await h.openTasks(i)).toEqual(['keepInformed']);
    expect(await h.state(i)).toBe('active');
  });

  test('A victim under 18: the parent or guardian must consent to RJ too; without it, no RJ work', async () => {
    const contactForm = form('victim-initial-contact');
    const base = { contactDate: '2026-11-27', contactMethod: 'phone', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'yes', rjConsent: 'consents' };
    const suitable = { victim: { rjDecision: 'suitable' } };
    const missing = validateSubmission(contactForm, { victimContact: { ...base, under18: true } }, { variables: suitable });
    expect(missing.ok ? [] : Object.keys(missing.errors).sort()).toEqual(
      ['victimContact.parentGuardianContacted', 'victimContact.parentGuardianName', 'victimContact.parentGuardianRjConsent']);
    expect(validateSubmission(contactForm, { victimContact: base }, { variables: suitable }).ok).toBe(true);

    const declined = await start('vc-6', { victimId: 'v8', enhancedRights: true });
    await suitability(declined, 'suitable', 'v8');
    await contact(declined, { ...base, under18: true, parentGuardianName: 'P', parentGuardianContacted: true, parentGuardianRjConsent: 'declines' });
    expect(await h.openTasks(declined)).toEqual(['keepInformed']);
    const agreed = await start('vc-6', { victimId: 'v9', enhancedRights: true });
    await suitability(agreed, 'suitable', 'v9');
    await contact(agreed, { ...base, under18: true, parentGuardianName: 'P', parentGuardianContacted: true, parentGuardianRjConsent: 'consents' });
    expect(await h.openTasks(agreed)).toEqual(['rj']);
  });

  test("Two victims of one case: each process amends its own victim's record, and one victim's withdrawal leaves the other's contact", async () => {
    const first = await start('vc-7', { victimId: 'first' });
    const second = await start('vc-7'); // no id at the start: the first form creates the item; the server writes victim.id
    await suitability(first, 'suitable', 'first');
    await suitability(second, 'suitable', 'i0second');
    for (const i of [first, second]) await contact(i, { rjConsent: 'consents', keepInformed: 'yes' });
    const itemsOf = async (i: string) => {
      const vars = await h.vars(i);
      return [...new Set(['victim-initial-contact', 'victim-contact-information', 'victim-rj-activity', 'victim-rj-withdrawn', 'victim-keep-informed', 'victim-consent-withdrawn',
        'victim-end-notification'].map((f) => itemOf(f, vars)))];
    };
    expect(await itemsOf(first)).toEqual(['first']);
    expect(itemOf('victim-rj-suitability', { caseId: 'vc-7' })).toBeNull(); // no id at the start: the first form adds an item
    expect(await itemsOf(second)).toEqual(['i0second']);

    expect((await h.engine.publishMessage('consent-withdrawn', 'first', {})).correlated).toBe(true);
    await h.at('2026-11-26T09:00:00Z');
    expect(await h.openTasks(first)).toEqual(['recordWithdrawal']);
    expect(await h.openTasks(second)).toEqual(['rj']);
    await h.complete(first, 'recordWithdrawal', { victimWithdrawal: { withdrawnOn: '2026-11-30', contactConsent: 'withdrawn', contactStopped: true } });
    expect(await h.state(first)).toBe('completed');
    expect(await h.state(second)).toBe('active');
  });

  // As case-closure publishes it: name intervention-ended, once per victim keyed by the victim's item id, the
  // closure's data, kept 30 days.
  const closeCase = (victimId: string) =>
    h.engine.publishMessage('intervention-ended', victimId, { closureDate: '2027-01-15', closureReason: 'orderCompleted' }, { ttlMs: 30 * DAY });

  test("The case's closure announces the end of the intervention: a victim in contact is told, pending updates stop", async () => {
    const i = await start('vc-8', { victimId: 'v10' });
    await suitability(i, 'not-suitable', 'v10');
    await contact(i, { keepInformed: 'yes' }, 'contactInfo');
    expect(await h.openTasks(i)).toEqual(['keepInformed']);
    expect((await closeCase('vc-8')).correlated).toBe(false); // keyed by the victim, not the case
    expect((await closeCase('v10')).correlated).toBe(true);
    await h.at('2026-11-26T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['notifyEnd']);
    expect((await h.vars(i)).closureReason).toBe('orderCompleted');
    await h.complete(i, 'notifyEnd', { victimEnd: { notifiedOn: '2027-01-16', notificationMethod: 'letter' } });
    expect(await h.state(i)).toBe('completed');
  });

  test('A case closed before its victim was contacted: the offer is still made, and the victim is told of the end once in contact', async () => {
    const i = await start('vc-9', { victimId: 'v11' });
    await closeCase('v11');
    await h.at('2026-11-26T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['suitability']);
    await suitability(i, 'suitable', 'v11');
    await contact(i, { rjConsent: 'consents', keepInformed: 'yes' });
    expect(await h.openTasks(i)).toEqual(['notifyEnd']);
  });
});

describe("Feature: victim contact — the Code's deadline passed", () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('An enhanced-rights victim not offered RJ information within 1 WD of the report: the team manager is emailed once, the work stays', async () => {
    const i = await h.start('victim-contact', {
      caseId: 'case-late', victimId: 'late', crimeReportedAt: '2026-11-23T09:00:00Z', detailsReceivedAt: '2026-11-23T09:00:00Z', victimObjected: false, enhancedRights: true,
    });
    await h.complete(i, 'suitability', { victim: { victimName: 'L', rjDecision: 'suitable', suitabilityReasons: 'r', suitabilityDecidedOn: '2026-11-23' } });
    await h.at('2026-11-24T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-11-24T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['manager:victimRjInformation']);
    expect(await h.openTasks(i)).toEqual(['contact']);
  });
});
