// What an audit reader is shown of an event: values of sections they may not read are "withheld" (keys and
// references kept), the stored event is not touched, and events within the reader's sections pass as stored.
import { presentAuditEvent } from '../../../server/src/application/audit/present-audit-event';
import type { AuditEvent } from '../../../server/src/domain/audit/audit-event';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  seq: 7, at: '2026-12-01T10:00:00.000Z', prevHash: 'a'.repeat(64), hash: 'b'.repeat(64),
  actor: { id: 'u1', roles: ['team-managers'] }, action: 'case.write', recordType: 'case', recordId: 'YJ-1', ...over,
});
const DPO_READS = ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies', 'documents', 'audit'];

describe('presentAuditEvent', () => {
  it('withholds every value of an amendment to a section the reader may not read, keeping the field names', () => {
    const stored = event({ sections: ['health'], reason: 'GP letter', before: { healthNote: 'asthma' }, after: { healthNote: 'asthma, inhaler' } });
    const copy = structuredClone(stored);
    const shown = presentAuditEvent(stored, DPO_READS);
    expect(shown).toMatchObject({ before: { healthNote: 'withheld' }, after: { healthNote: 'withheld' }, withheldSections: ['health'], reason: 'GP letter', hash: stored.hash });
    expect(JSON.stringify(shown)).not.toContain('asthma');
    expect(stored).toEqual(copy); // presentation only: the chain's event is unchanged
  });

  it('keeps references (submission, form, case ids, field names) of an event touching an unreadable section', () => {
    const shown = presentAuditEvent(event({
      sections: ['assessments', 'health'],
      after: { submissionId: 's1', formId: 'oocd-pdat-assessment', version: 2, caseId: 'YJ-1', fields: ['health.healthNotes'], note: 'self-harm' },
    }), DPO_READS);
    expect(shown.after).toEqual({ submissionId: 's1', formId: 'oocd-pdat-assessment', version: 2, caseId: 'YJ-1', fields: ['health.healthNotes'], note: 'withheld' });
    expect(shown.withheldSections).toEqual(['health']);
  });

  it('shows events of readable sections, and events without sections, as stored', () => {
    const personal = event({ sections: ['personal'], before: { givenName: 'Ada' }, after: { givenName: 'Adah' } });
    expect(presentAuditEvent(personal, DPO_READS)).toBe(personal);
    const signIn = event({ action: 'auth.sign-in-failed', after: { reason: 'bad-password' } });
    expect(presentAuditEvent(signIn, DPO_READS)).toBe(signIn);
    const read = event({ action: 'case.read', sections: ['health', 'victims'] }); // nothing but section names
    expect(presentAuditEvent(read, DPO_READS)).toBe(read);
  });
});
