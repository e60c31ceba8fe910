// The chronology's sources without a database: a submission entry names the form and the step and is left
// out when its form also writes a section the reader may not see; steps and processes by name; emails about
// the case's tasks in words, with the recipient by name; the merge drops any entry of an unreadable section.
import { getCaseChronology } from '../../../server/src/application/cases/chronology/get-case-chronology';
import { chronologySources } from '../../../server/src/application/cases/chronology/chronology-sources';
import type { CaseAmendment } from '../../../server/src/domain/cases/case-amendment';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import type { AccessPolicy } from '../../../server/src/application/cases/case-access';

const record = { id: 'YJ-1', team: 'north', status: 'open', createdAt: '2026-01-01T09:00:00Z', createdBy: 'u1', identity: { displayName: 'Ada' }, sections: {} } as unknown as CaseRecord;
const sub = (section: CaseAmendment['section'], formId: string, submissionId: string, at: string): CaseAmendment => ({
  caseId: 'YJ-1', section, seq: 1, at, by: 'u1', source: { kind: 'submission', submissionId, formId, formVersion: 1, taskId: `t-${formId}` }, changes: [], after: {},
});
const amendments = [sub('personal', 'match', 's1', '2026-01-02T09:00:00Z'), sub('personal', 'screening', 's2', '2026-01-03T09:00:00Z'), sub('health', 'screening', 's2', '2026-01-03T09:00:00Z')];
const tasks = [
  { id: 't-match', name: 'Match or create person', processId: 'referral-intake', instanceKey: 'i1', formId: 'match', state: 'completed' as const, createdAt: '2026-01-01T10:00:00Z', completedAt: '2026-01-02T09:00:00Z', completedBy: 'u1' },
  { id: 't-screening', name: 'Health screening', processId: 'referral-intake', instanceKey: 'i1', formId: 'screening', state: 'open' as const, createdAt: '2026-01-02T10:00:00Z' },
];
const emails = [
  { id: 'e1', taskId: 't-match', recipientId: 'u1', subject: 'Reminder: Match or create person', level: 'reminder', state: 'sent', createdAt: '2026-01-01T12:00:00Z', sentAt: '2026-01-01T12:01:00Z' },
  { id: 'e2', taskId: 't-screening', recipientId: 'u2', subject: 'Overdue: Health screening', level: 'overdue', state: 'sent', createdAt: '2026-01-03T12:00:00Z' },
];
const policy = (read: string[]): AccessPolicy => ({ can: (_a, action) => action === 'view-cases', readableSections: () => read, writableSections: () => [], canViewCase: () => true });

function deps(read: string[]) {
  const audit: { action: string }[] = [];
  return {
    audit,
    deps: {
      cases: { findById: async () => record, listAmendments: async (_id: string, sections: readonly string[]) => amendments.filter((a) => sections.includes(a.section)) },
      policy: policy(read),
      audit: { record: async (e: { action: string }) => { audit.push(e); return e as never; } },
      users: { findById: async (id: string) => ({ displayName: id === 'u1' ? 'Cara Case' : 'Hal Health' }) as never },
      catalogue: { get: async () => ({ fields: {}, formTitles: { match: 'Match or create the person', screening: 'Health screening' }, formSections: { match: ['personal' as const], screening: ['personal' as const, 'health' as const] } }), invalidate: () => undefined },
      sources: chronologySources({
        cases: { listAmendments: async (_id, sections) => amendments.filter((a) => sections.includes(a.section)) },
        reads: { tasksOfCase: async () => tasks, emailsOfTasks: async (ids) => emails.filter((e) => ids.includes(e.taskId)) },
        engine: {
          listDeployments: async () => [{ processId: 'referral-intake', version: 1, name: 'Referral & intake' }] as never,
          getInstance: async () => ({ key: 'i1', processId: 'referral-intake', version: 1, state: 'active', startedAt: '2026-01-01T09:30:00Z', activeElementIds: [], variables: {}, timeline: [] }),
        },
      }),
    },
  };
}
const actor = { id: 'u1', roles: ['case-managers'], teams: ['north'] };

describe('chronology sources', () => {
  it('tells a case manager the referral, the match form with its step, the process and steps by name, and the reminder email', async () => {
    const { deps: d, audit } = deps(['personal']);
    const page = await getCaseChronology(d, actor, { caseId: 'YJ-1', page: 1 });
    const titles = page.items.map((e) => e.title);
    expect(titles).toContain('Match or create the person submitted');
    expect(page.items.find((e) => e.kind === 'submission')).toMatchObject({ detail: 'Step: Match or create person', by: 'Cara Case', link: '/tasks/t-match' });
    expect(titles).toEqual(expect.arrayContaining(['Referral & intake started', 'Step started: Match or create person', 'Step completed: Match or create person', 'Referral received and case opened']));
    expect(page.items.find((e) => e.kind === 'email')).toMatchObject({ title: 'Reminder about “Match or create person” to Cara Case, sent', at: '2026-01-01T12:01:00Z' });
    // The screening form writes Health: its submission, its step and its email are not this reader's to see.
    expect(JSON.stringify(page)).not.toMatch(/screening|Overdue/i);
    expect(page.items.map((e) => e.at)).toEqual([...page.items.map((e) => e.at)].sort().reverse());
    expect(audit).toEqual([expect.objectContaining({ action: 'case.read-chronology', sections: ['personal'] })]);
  });

  it('gives a reader of Health the screening submission, step and overdue email, and filters by kind', async () => {
    const { deps: d } = deps(['personal', 'health']);
    const all = await getCaseChronology(d, actor, { caseId: 'YJ-1', page: 1 });
    expect(all.items.map((e) => e.title)).toEqual(expect.arrayContaining(['Health screening submitted', 'Step started: Health screening', 'Overdue notice about “Health screening” to Hal Health, sent']));
    expect(all.kinds).toEqual({ referral: 1, submission: 2, milestone: 4, email: 2 });
    const emailsOnly = await getCaseChronology(d, actor, { caseId: 'YJ-1', kind: 'email', page: 1 });
    expect(emailsOnly.items.map((e) => e.kind)).toEqual(['email', 'email']);
    expect(emailsOnly.total).toBe(2);
  });

  it('says who referred, in words, to a reader of the section "Referred by" is filed in, and only to them', async () => {
    const referred = { ...record, sections: { offending: { values: { referralSource: 'police' }, revision: 1, updatedAt: record.createdAt, updatedBy: 'u1', sources: {} } } } as unknown as CaseRecord;
    const { deps: d } = deps(['personal', 'offending']);
    const referral = async (reader: typeof d) => (await getCaseChronology({ ...reader, cases: { ...reader.cases, findById: async () => referred } }, actor, { caseId: 'YJ-1', kind: 'referral', page: 1 })).items;
    expect(await referral(d)).toEqual([expect.objectContaining({ title: 'Referral received from Police', detail: 'Case opened', by: 'Cara Case' })]);
    const { deps: withoutOffending } = deps(['personal']);
    expect(await referral(withoutOffending)).toEqual([expect.objectContaining({ title: 'Referral received and case opened' })]);
  });
});
