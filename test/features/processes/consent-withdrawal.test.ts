// Consent withdrawal walks over the shipped processes (issue 17; UK GDPR Art 7(3): consent can be withdrawn at
// any time and the processing it allowed stops; domain.md: consent applies to prevention and victims' RJ).
// The BPMN declares what rests on consent (zeebe:property consentPurpose); the withdrawal use case sends the
// message each process waits for, and the case guard refuses new work of that purpose.
import { readConsentPurposes } from '../../../server/src/adapters/bpmn/consent-purpose.reader';
import { createCaseGuard } from '../../../server/src/application/consent/case-guard';
import { recordConsent } from '../../../server/src/application/consent/record-consent';
import { withdrawConsent } from '../../../server/src/application/consent/withdraw-consent';
import { tableAccessPolicy } from '../../../server/src/application/cases/table-access-policy';
import type { CaseRestriction } from '../../../server/src/domain/consent/case-restriction';
import type { ConsentRecord } from '../../../server/src/domain/consent/consent-record';
import type { ConsentRepository } from '../../../server/src/ports/consent-repository.port';
import { processHarness, type ProcessHarness } from './support/process-harness';

/** The consent store in memory: the walk is about the processes, not the database. */
function memoryConsents(): ConsentRepository {
  const records = new Map<string, ConsentRecord>();
  const restrictions = new Map<string, CaseRestriction>();
  return {
    create: async (r) => (records.has(r.id) ? false : (records.set(r.id, r), true)),
    listForCase: async (caseId) => [...records.values()].filter((r) => r.caseId === caseId),
    findById: async (id) => records.get(id),
    withdraw: async (id, w) => { const r = records.get(id); if (!r || r.withdrawal) return false; records.set(id, { ...r, withdrawal: w }); return true; },
    restrictionOf: async (caseId) => restrictions.get(caseId),
    saveRestriction: async (r) => { restrictions.set(r.caseId, r); },
    eraseCase: async () => undefined,
  };
}

describe('Feature: withdrawing consent stops the work that rests on it', () => {
  let h: ProcessHarness;
  const consents = memoryConsents();
  const vw = { id: 'vw-1', roles: ['victim-workers'], teams: ['east'] };
  const cm = { id: 'cm-1', roles: ['case-managers'], teams: ['east'] };
  beforeAll(async () => { h = await processHarness('2026-11-26T09:00:00Z'); });
  afterAll(() => h.close());
  const deps = () => ({
    consents, policy: tableAccessPolicy, clock: h.clock, engine: h.engine,
    cases: { findById: async (id: string) => ({ id, team: 'east' }) as never },
  });
  const guard = () => createCaseGuard({ consents, engine: h.engine, readPurposes: readConsentPurposes });
  const rjTask = async (i: string) => ({ ...(await h.task(i, 'rj')), caseId: 'case-rj' });
  const inRj = async (victimId: string) => {
    const i = await h.start('victim-contact', { caseId: 'case-rj', victimId, crimeReportedAt: '2026-11-25T09:00:00Z', victimObjected: false, enhancedRights: false });
    await h.complete(i, 'suitability', { victim: { id: victimId, victimName: victimId, rjDecision: 'suitable', suitabilityReasons: 'r', suitabilityDecidedOn: '2026-11-26' } });
    await h.complete(i, 'contact', { victimContact: { contactDate: '2026-11-26', contactMethod: 'visit', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'yes', rjConsent: 'consents' } });
    const { record } = await recordConsent(deps(), vw, 'case-rj', {
      purpose: 'restorative-justice', subject: victimId, givenBy: 'victim', givenOn: '2026-11-26', evidence: `contact form of ${victimId}`, privacyNoticeVersion: 'v1',
    });
    return { i, consentId: record.id };
  };

  test("Given two victims in RJ, When one withdraws, Then only her RJ stops and her RJ form is refused; the other's goes on", async () => {
    const ann = await inRj('victim-ann');
    const bo = await inRj('victim-bo');
    expect(await h.openTasks(ann.i)).toEqual(['rj']);
    const annRj = await rjTask(ann.i);

    const w = await withdrawConsent(deps(), vw, 'case-rj', ann.consentId, { by: 'victim' });
    expect(w.messagePublished).toEqual({ name: 'rj-consent-withdrawn', correlated: true });
    await h.at('2026-11-26T10:00:00Z');
    expect(await h.openTasks(ann.i)).toEqual(['recordRjWithdrawal']); // her RJ work is interrupted, the withdrawal recorded
    expect(await h.openTasks(bo.i)).toEqual(['rj']);

    const vars = async (i: string) => h.vars(i);
    await expect(guard().assertMayComplete(annRj, await vars(ann.i))).rejects.toThrow(/consent to restorative justice \(victim victim-ann\) was withdrawn on 2026-11-26/);
    await expect(guard().assertMayComplete(await rjTask(bo.i), await vars(bo.i))).resolves.toBeUndefined();
    // Contact itself does not rest on RJ consent: the information-only contact goes on.
    await expect(guard().assertMayComplete({ ...(await h.task(ann.i, 'recordRjWithdrawal')), caseId: 'case-rj' }, await vars(ann.i))).resolves.toBeUndefined();
  });

  test('Given prevention work under way, When the child withdraws, Then the work stops and prevention cannot start again without new consent', async () => {
    const i = await h.start('prevention', { caseId: 'case-pr' });
    await h.complete(i, 'recordConsent', { preventionConsent: 'given', consentGivenBy: 'child', consentDate: '2026-11-26', privacyNoticeGiven: true });
    const { record } = await recordConsent(deps(), cm, 'case-pr', { purpose: 'prevention-work', givenBy: 'child', givenOn: '2026-11-26', evidence: 'form', privacyNoticeVersion: 'v1' });
    expect(await h.openTasks(i)).toEqual(['assessment']);

    expect((await withdrawConsent(deps(), cm, 'case-pr', record.id, { by: 'child' })).messagePublished).toEqual({ name: 'prevention-consent-withdrawn', correlated: true });
    await h.at('2026-11-26T11:00:00Z');
    expect(await h.openTasks(i)).toEqual(['recordWithdrawal']);
    await expect(guard().assertMayStart('case-pr', 'prevention', {})).rejects.toThrow(/consent to prevention work was withdrawn/);
    await expect(guard().assertMayStart('case-other', 'prevention', {})).resolves.toBeUndefined();
    await expect(guard().assertMayStart('case-pr', 'assetplus-assessment', {})).resolves.toBeUndefined();
  });
});
