// The rules of consent and restriction (domain/consent), written from UK GDPR Art 7(3) (withdrawal at any
// time, as easy as giving) and Art 18(1)(a) (restriction while accuracy is contested), and domain.md.
import { consentInputErrors, type ConsentInput, type ConsentRecord } from '../../../server/src/domain/consent/consent-record';
import { consentStandings, withdrawalMessage, withdrawalStopping } from '../../../server/src/domain/consent/consent-state';
import { mayWriteRestricted, reasonErrors, restrictedMessage, type CaseRestriction } from '../../../server/src/domain/consent/case-restriction';
import { subjectFrom } from '../../../server/src/domain/consent/purpose-declarations';

const input = (over: Partial<ConsentInput> = {}): ConsentInput => ({
  purpose: 'prevention-work', givenBy: 'child', givenOn: '2026-11-20', evidence: 'submission s1', privacyNoticeVersion: 'v1', ...over,
});
const record = (id: string, over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id, caseId: 'c1', purpose: 'restorative-justice', subject: 'victim-a', basis: 'consent', givenBy: 'victim', givenOn: '2026-11-20',
  evidence: 'e', privacyNoticeVersion: 'v1', recordedBy: 'u', recordedAt: '2026-11-20T10:00:00Z', ...over,
});
const withdrawn = (at: string) => ({ at, by: 'victim' as const, recordedBy: 'u' });

describe('consent records', () => {
  it('accepts a complete record and names every wrong field', () => {
    expect(consentInputErrors(input(), '2026-11-24')).toEqual({});
    expect(Object.keys(consentInputErrors(input({ givenOn: '2026-12-01', evidence: ' ', privacyNoticeVersion: '' }), '2026-11-24')).sort())
      .toEqual(['evidence', 'givenOn', 'privacyNoticeVersion']);
  });
  it("keeps each purpose's own rules: RJ is a named victim's, sharing names an agency, prevention is the child's", () => {
    expect(consentInputErrors(input({ purpose: 'restorative-justice', givenBy: 'child' }), '2026-11-24')).toEqual({
      subject: expect.stringMatching(/victim/), givenBy: expect.stringMatching(/victim/),
    });
    expect(consentInputErrors(input({ purpose: 'agency-sharing' }), '2026-11-24')).toHaveProperty('subject');
    expect(consentInputErrors(input({ givenBy: 'victim', subject: 'x' }), '2026-11-24')).toEqual({ subject: expect.any(String), givenBy: expect.any(String) });
  });
});

describe('consent standing', () => {
  it("one victim's withdrawal stops that victim's RJ only", () => {
    const records = [record('a', { withdrawal: withdrawn('2026-11-22T09:00:00Z') }), record('b', { subject: 'victim-b' })];
    expect(withdrawalStopping(records, 'restorative-justice', 'victim-a')?.recordId).toBe('a');
    expect(withdrawalStopping(records, 'restorative-justice', 'victim-b')).toBeUndefined();
    expect(withdrawalStopping(records, 'prevention-work')).toBeUndefined();
  });
  it('consent given again after a withdrawal stands; a withdrawal ends the consents given before it, and wins a tie', () => {
    const first = record('a', { withdrawal: withdrawn('2026-11-22T09:00:00Z') });
    expect(consentStandings([first, record('b', { recordedAt: '2026-11-23T09:00:00Z' })])).toEqual([expect.objectContaining({ recordId: 'b', status: 'given' })]);
    expect(consentStandings([first, record('b', { recordedAt: '2026-11-21T09:00:00Z' })])).toEqual([expect.objectContaining({ recordId: 'a', status: 'withdrawn' })]);
    expect(consentStandings([record('b', { recordedAt: '2026-11-22T09:00:00Z' }), first])[0].status).toBe('withdrawn');
  });
  it('agencies compare without case or spaces, and the refusal names the purpose, whose consent and the date', () => {
    const r = record('a', { purpose: 'agency-sharing', subject: 'Police ', withdrawal: withdrawn('2026-11-22T09:00:00Z') });
    const s = withdrawalStopping([r], 'agency-sharing', 'police');
    expect(withdrawalMessage(s!, 'share this')).toBe(
      'You cannot share this: consent to sharing with another agency (agency Police ) was withdrawn on 2026-11-22. Record consent given again before any further work of this kind.',
    );
  });
});

describe('restriction of processing', () => {
  const r: CaseRestriction = { caseId: 'c1', active: true, reason: 'Contests date of birth', setBy: 'dpo-1', setAt: '2026-11-20T10:00:00Z' };
  it('only the DPO may change a restricted case; a lifted one is open to all', () => {
    expect(mayWriteRestricted(r, ['case-managers'])).toBe(false);
    expect(mayWriteRestricted(r, ['team-managers', 'dpo'])).toBe(true);
    expect(mayWriteRestricted({ ...r, active: false }, ['case-managers'])).toBe(true);
    expect(mayWriteRestricted(undefined, ['case-managers'])).toBe(true);
  });
  it('needs a reason, and the refusal says why and who can lift it', () => {
    expect(reasonErrors('')).toHaveProperty('reason');
    expect(reasonErrors({ $ne: 1 })).toHaveProperty('reason');
    expect(reasonErrors('Contests the address')).toEqual({});
    expect(restrictedMessage(r, 'amend this case')).toMatch(/^You cannot amend this case: processing of this case is restricted since 2026-11-20 \(Contests date of birth\)\. .*data protection officer/);
  });
  it('reads a subject from a dotted variable path', () => {
    expect(subjectFrom({ victim: { id: 'v1' } }, 'victim.id')).toBe('v1');
    expect(subjectFrom({ victim: 'v1' }, 'victim.id')).toBeUndefined();
    expect(subjectFrom(undefined, 'victim.id')).toBeUndefined();
  });
});
