// The chronology's contacts: one entry per item of plans.contacts, at the appointment's London time, in
// words from the case-contact form's labels, by name; nothing for a reader without the plans section.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contactSource, londonInstant } from '../../../server/src/application/cases/chronology/contact-source';
import type { ChronologyContext } from '../../../server/src/application/cases/chronology/chronology-source';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import type { CaseSection } from '../../../server/src/domain/cases/case-section';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms/case-contact.form'), 'utf8'));
const forms = { latest: async () => ({ formId: 'case-contact', version: 1, schema }) as never };
const source = (by: string, at: string) => ({ at, by, amendmentSeq: 1 });

const record = {
  id: 'YJ-1', team: 'north', status: 'open', createdAt: '', createdBy: '', identity: { displayName: 'Mo' },
  sections: {
    plans: {
      values: {}, revision: 2, updatedAt: '', updatedBy: '', sources: {},
      collections: {
        contacts: [
          { id: 'c1', values: { appointmentDate: '2026-07-01', appointmentTime: '10:00', type: 'home-visit', attendance: 'missed', absence: 'unacceptable', withWhom: 'Mo' },
            sources: { appointmentDate: source('u-cara', '2026-07-01T12:00:00Z') } },
          { id: 'c2', values: { appointmentDate: '2026-12-01', type: 'phone', attendance: 'attended' }, sources: { appointmentDate: source('u-gone', '2026-12-01T12:00:00Z') } },
        ],
      },
    },
  },
} as unknown as CaseRecord;

const ctx = (readable: CaseSection[]): ChronologyContext => ({
  record, actor: { id: 'u-cara', roles: ['case-managers'], teams: ['north'] }, readable, catalogue: {} as never, mayViewAudit: false,
  names: async (ids) => new Map([...ids].filter((i) => i === 'u-cara').map((i) => [i!, 'Cara Case'])),
});

describe('contacts in the chronology', () => {
  it('reads London wall-clock times as instants in summer and winter', () => {
    expect(londonInstant('2026-07-01', '10:00')).toBe('2026-07-01T09:00:00.000Z');
    expect(londonInstant('2026-12-01', '10:00')).toBe('2026-12-01T10:00:00.000Z');
    expect(londonInstant('2026-12-01')).toBe('2026-12-01T12:00:00.000Z');
  });

  it('gives one entry per contact in words, by name, in the plans section', async () => {
    const entries = await contactSource({ forms }).entries(ctx(['plans']));
    expect(entries).toEqual([
      { at: '2026-07-01T09:00:00.000Z', kind: 'contact', section: 'plans', title: 'Home visit: did not attend, unacceptable absence', detail: 'With Mo', by: 'Cara Case', link: '/cases/YJ-1?tab=contacts' },
      { at: '2026-12-01T12:00:00.000Z', kind: 'contact', section: 'plans', title: 'Phone call: attended', link: '/cases/YJ-1?tab=contacts' },
    ]);
  });

  it('shows nothing to a reader who may not see plans', async () => {
    expect(await contactSource({ forms }).entries(ctx(['personal']))).toEqual([]);
  });
});
