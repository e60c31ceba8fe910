// Where the shipped processes and forms declare consent: the BPMN's zeebe:property consentPurpose (process →
// starts; subprocess → every user task inside it) and the forms' field properties that record consent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readConsentPurposes } from '../../../server/src/adapters/bpmn/consent-purpose.reader';
import { consentsInSubmission } from '../../../server/src/application/consent/record-consent-from-form';

const root = path.resolve(__dirname, '../../..');
const text = (dir: string, name: string) => readFileSync(path.join(root, dir, name), 'utf8');

describe('consent purposes declared by the shipped processes', () => {
  it('prevention: starting needs prevention consent, and so does every task of the work; recording consent or its withdrawal does not', async () => {
    const p = await readConsentPurposes(text('processes', 'prevention.bpmn'), 'prevention');
    expect(p.process).toEqual({ purpose: 'prevention-work' });
    expect(Object.keys(p.tasks).sort()).toEqual(['assessment', 'exit', 'plan', 'review']);
  });
  it("victim contact: only the RJ work needs the victim's RJ consent, keyed by victim.id; contact itself does not", async () => {
    const p = await readConsentPurposes(text('processes', 'victim-contact.bpmn'), 'victim-contact');
    expect(p.process).toBeUndefined();
    expect(p.tasks).toEqual({ rj: { purpose: 'restorative-justice', subjectVariable: 'victim.id' } });
  });
});

describe('consents captured by the shipped forms', () => {
  const base = { caseId: 'c1', version: 2, submissionId: 'task-1', submittedAt: '2026-11-24T10:00:00Z' };
  it('prevention-consent: given → a record from the child and parent, dated by the form; refused → none', () => {
    const schema = JSON.parse(text('forms', 'prevention-consent.form'));
    const data = { preventionConsent: 'given', consentGivenBy: 'both', consentDate: '2026-11-23', privacyNoticeGiven: true };
    expect(consentsInSubmission(schema, { ...base, formId: 'prevention-consent', data }, {})).toEqual([{
      purpose: 'prevention-work', givenBy: 'child-and-parent-carer', givenOn: '2026-11-23', evidence: 'submission task-1', privacyNoticeVersion: 'prevention-consent version 2',
    }]);
    expect(consentsInSubmission(schema, { ...base, formId: 'prevention-consent', data: { ...data, preventionConsent: 'refused' } }, {})).toEqual([]);
  });
  it("victim-initial-contact: the victim's RJ consent names their item", () => {
    const schema = JSON.parse(text('forms', 'victim-initial-contact.form'));
    const data = { victimContact: { contactDate: '2026-11-24', contactConsent: 'yes', rjConsent: 'consents' } };
    expect(consentsInSubmission(schema, { ...base, formId: 'victim-initial-contact', data }, { victim: { id: 'v-9' } })).toEqual([
      expect.objectContaining({ purpose: 'restorative-justice', subject: 'v-9', givenBy: 'victim', givenOn: '2026-11-24' }),
    ]);
    expect(consentsInSubmission(schema, { ...base, formId: 'victim-initial-contact', data: { victimContact: { rjConsent: 'declines' } } }, {})).toEqual([]);
  });
});
