// The rules of sharing and signing, without services: the signature matches one computed independently with
// `printf '%s.%s' 1764700000 '{"id":"e1"}' | openssl dgst -sha256 -hmac whsec_test`; a receiver's check refuses
// tampering and stale timestamps; agreements are in force from the first to the last day inclusive; the
// process steps that are events; addresses a subscription may use.
import { agreementProblems, agreementStatus, allowedSections, inForce } from '../../../server/src/domain/sharing/sharing-agreement';
import { eventOfInstance, eventOfTask } from '../../../server/src/domain/webhooks/webhook-event';
import { verifyWebhook, webhookSignature } from '../../../server/src/domain/webhooks/webhook-signature';
import { webhookUrlProblem } from '../../../server/src/domain/webhooks/webhook-subscription';

describe('webhook signature', () => {
  const body = '{"id":"e1"}';
  const signature = 'v1=a4d0f2f119808e94ad9bdeeda55637c5ace69f1b12512e15bae6286f19bd5b28';

  it('is HMAC-SHA256 over "<timestamp>.<body>", as openssl computes it', () => {
    expect(webhookSignature('whsec_test', 1764700000, body)).toBe(signature);
  });

  it('is accepted within the replay window and refused outside it, or when anything was changed', () => {
    const h = { timestamp: '1764700000', signature };
    expect(verifyWebhook('whsec_test', h, body, 1764700000 + 300)).toEqual({ ok: true });
    expect(verifyWebhook('whsec_test', h, body, 1764700000 - 300)).toEqual({ ok: true });
    expect(verifyWebhook('whsec_test', h, body, 1764700000 + 301)).toEqual({ ok: false, reason: 'timestamp outside the replay window' });
    expect(verifyWebhook('whsec_test', h, '{"id":"e2"}', 1764700000).ok).toBe(false);
    expect(verifyWebhook('whsec_test', { ...h, timestamp: '1764700001' }, body, 1764700000).ok).toBe(false);
    expect(verifyWebhook('whsec_other', h, body, 1764700000).ok).toBe(false);
    expect(verifyWebhook('whsec_test', { timestamp: h.timestamp }, body, 1764700000)).toEqual({ ok: false, reason: 'missing signature' });
    expect(verifyWebhook('whsec_test', { signature, timestamp: '17e8' }, body, 1764700000)).toEqual({ ok: false, reason: 'missing or malformed timestamp' });
  });
});

describe('sharing agreements', () => {
  const dates = { startDate: '2026-12-01', endDate: '2026-12-31' };

  it('are in force from the first day to the last, both included', () => {
    expect(inForce(dates, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(inForce(dates, new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect(inForce(dates, new Date('2026-12-31T23:59:59Z'))).toBe(true);
    expect(agreementStatus(dates, new Date('2027-01-01T00:00:00Z'))).toBe('ended');
    expect(agreementStatus(dates, new Date('2026-11-01T00:00:00Z'))).toBe('not-yet');
  });

  it('refuse terms that cannot be right together, and let only the allowed sections through, in tab order', () => {
    const terms = { partner: 'p', recipientKind: 'police' as const, purpose: 'x', lawfulBasis: 'public-task' as const, sections: ['offending', 'personal'] };
    expect(agreementProblems({ ...terms, startDate: '2026-12-02', endDate: '2026-12-01' })).toEqual({ endDate: 'End date must be the same as or after the start date' });
    expect(Object.keys(agreementProblems({ ...terms, ...dates, sections: ['made-up'] }))).toEqual(['sections']);
    expect(agreementProblems({ ...terms, ...dates })).toEqual({});
    expect(allowedSections(['health', 'offending', 'personal'], ['personal', 'offending'])).toEqual(['personal', 'offending']);
  });
});

describe('events and addresses', () => {
  it('names the process steps that are events, and nothing else', () => {
    expect(eventOfTask('created', 'referral-intake', 'matchPerson')).toBe('referral.received');
    expect(eventOfTask('completed', 'referral-intake', 'allocate')).toBe('case.opened');
    expect(eventOfTask('completed', 'assetplus-assessment', 'share')).toBe('assessment.shared');
    expect(eventOfTask('completed', 'compliance-breach', 'referBack')).toBe('breach.action');
    expect(eventOfTask('created', 'referral-intake', 'allocate')).toBeUndefined();
    expect(eventOfInstance('case-closure')).toBe('case.closed');
    expect(eventOfInstance('referral-intake')).toBeUndefined();
  });

  it('accepts https, and http only to this machine, never credentials in the address', () => {
    expect(webhookUrlProblem('https://mosaic.example.gov.uk/events')).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/events')).toBeUndefined();
    expect(webhookUrlProblem('http://mosaic.example.gov.uk/events')).toMatch(/https/);
    expect(webhookUrlProblem('https://u:p@mosaic.example.gov.uk/')).toMatch(/user name or password/);
    expect(webhookUrlProblem('mosaic')).toMatch(/full address/);
  });
});
