// The words presenter: values in words (option labels, Yes/No, dates marked for the one date format),
// labels from the catalogue (else as stored, else the key spelt out), people by name and never by id,
// the header's current orders and latest ratings, and the amendment history in words.
import { valueWords } from '../../../server/src/domain/cases/value-words';
import { buildFieldCatalogue } from '../../../server/src/domain/forms/field-catalogue';
import { presentCaseWords } from '../../../server/src/application/cases/present-case-words';
import { presentAmendment } from '../../../server/src/application/cases/present-amendments';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import type { FormVersion } from '../../../server/src/domain/forms/form-version';

const USER = '6b0f6f686fdbf9e8c86b813f';
const schema = {
  components: [
    { type: 'textfield', key: 'givenName', label: 'Given name', properties: { section: 'personal' } },
    { type: 'datetime', subtype: 'date', key: 'dateOfBirth', dateLabel: 'Date of birth', properties: { section: 'personal' } },
    { type: 'checkbox', key: 'interpreter', label: 'Needs an interpreter', properties: { section: 'personal' } },
    { type: 'expression', key: 'ageAtReferral', expression: '=15', computeOn: 'change', properties: { section: 'personal' } },
    {
      type: 'group', path: 'ratings', label: 'Ratings', properties: { section: 'assessments', collection: 'assessments' }, components: [
        { type: 'select', key: 'roshRating', label: 'Risk of serious harm (ROSH)', values: [{ value: 'high', label: 'High' }, { value: 'very-high', label: 'Very high' }] },
      ],
    },
    {
      type: 'group', path: 'order', label: 'The order', properties: { section: 'offending', collection: 'orders' }, components: [
        { type: 'select', key: 'type', label: 'Order', values: [{ value: 'yro', label: 'Youth rehabilitation order' }] },
        { type: 'datetime', subtype: 'date', key: 'end', dateLabel: 'Ends on' },
      ],
    },
  ],
} as FormVersion['schema'];
const fields = buildFieldCatalogue([{ deployedAt: '2026-01-01T00:00:00Z', schema }]);
const catalogue = { fields, formTitles: { referral: 'Record a referral' }, formSections: {} };
const src = (at: string, extra = {}) => ({ at, by: USER, amendmentSeq: 1, ...extra });

const record: CaseRecord = {
  id: 'YJ-1', team: 'north', caseManagerId: USER, status: 'open', pathway: 'referral-order', createdAt: '2026-01-01T00:00:00Z', createdBy: USER,
  identity: { displayName: 'Ada Jones', dateOfBirth: '2010-03-14' } as CaseRecord['identity'],
  sections: {
    personal: {
      values: { givenName: 'Ada', dateOfBirth: '2010-03-14', interpreter: false, legacyNote: 'kept' }, revision: 2, updatedAt: 'x', updatedBy: USER,
      sources: { givenName: src('2026-01-01T00:00:00Z', { formId: 'referral', formVersion: 1, taskId: 't1', submissionId: 's1' }), dateOfBirth: src('2026-12-02T09:30:00Z') },
      labels: { fields: { legacyNote: 'A note from an old form' } },
    },
    assessments: {
      values: {}, revision: 2, updatedAt: 'x', updatedBy: USER, sources: {},
      collections: { assessments: [
        { id: 'a1', values: { roshRating: 'high' }, sources: { roshRating: src('2026-01-01T00:00:00Z') } },
        { id: 'a2', values: { roshRating: 'very-high' }, sources: { roshRating: src('2026-06-01T00:00:00Z') } },
      ] },
    },
    offending: {
      values: {}, revision: 2, updatedAt: 'x', updatedBy: USER, sources: {},
      collections: { orders: [
        { id: 'o1', label: 'YRO made 1 March 2026', values: { type: 'yro', end: '2027-03-01' }, sources: {} },
        { id: 'o2', label: 'An ended order', values: { type: 'yro', end: '2025-01-01' }, sources: {} },
      ] },
    },
  },
};
const names = new Map([[USER, 'Cara Case']]);

describe('valueWords', () => {
  const f = fields.offending!.items.orders;
  it('says options by their labels, checkboxes Yes/No, lists joined, and marks dates for the one date format', () => {
    expect(valueWords('yro', f.type)).toEqual({ text: 'Youth rehabilitation order' });
    expect(valueWords(true)).toEqual({ text: 'Yes' });
    expect(valueWords(false)).toEqual({ text: 'No' });
    expect(valueWords('2010-03-14', f.end)).toEqual({ text: '2010-03-14', date: '2010-03-14' });
    expect(valueWords('2026-12-02T09:30:00.000Z')).toMatchObject({ dateTime: '2026-12-02T09:30:00.000Z' });
    expect(valueWords(['a', 'b'])).toEqual({ text: 'a, b' });
    expect(valueWords({ firstLine: '1 High St', postcode: 'AB1 2CD' }).text).toBe('First line: 1 High St; Postcode: AB1 2CD');
    expect(valueWords(undefined).text).toBe('Not recorded');
    // A filepicker's answer by its files' names (the files are on the Documents tab), never the references.
    const files = [{ documentId: 'd1', storeId: 'case-documents', metadata: { fileName: 'plan.pdf', contentType: 'application/pdf', size: 9 } }, { documentId: 'd2', metadata: { fileName: 'note.txt' } }];
    expect(valueWords(files, { type: 'filepicker' })).toEqual({ text: 'plan.pdf, note.txt' });
  });
});

describe('presentCaseWords', () => {
  const words = presentCaseWords({
    record, sections: record.sections, submissions: [], readable: ['personal', 'assessments', 'offending'], writable: ['personal'],
    catalogue, names, openTasks: { total: 0, items: [] }, holds: [{ reason: 'Inquiry preservation' }], today: '2026-12-02',
  });

  it('labels every field from the forms (else as stored, else spelt out) and names people, never their ids', () => {
    const personal = words.sections.personal!.fields;
    expect(personal.map((x) => x.label)).toEqual(['Given name', 'Date of birth', 'Needs an interpreter', 'A note from an old form']);
    expect(personal.find((x) => x.key === 'interpreter')!.value.text).toBe('No');
    expect(personal.find((x) => x.key === 'givenName')!.source).toEqual({ at: '2026-01-01T00:00:00Z', text: 'From Record a referral, by Cara Case', taskId: 't1' });
    expect(personal.find((x) => x.key === 'dateOfBirth')!.source!.text).toBe('Corrected by Cara Case');
    const atReferral = presentCaseWords({
      record, sections: { personal: { ...record.sections.personal!, sources: { givenName: src(record.createdAt) } } }, submissions: [], readable: ['personal'], writable: [],
      catalogue, names, openTasks: { total: 0, items: [] }, holds: [], today: '2026-12-02',
    });
    expect(atReferral.sections.personal!.fields[0].source!.text).toBe('Recorded at referral by Cara Case');
    expect(JSON.stringify(words)).not.toContain(USER);
  });

  it('gives the header: worker by name, current orders with end dates, the latest ratings by label, a legal hold', () => {
    expect(words.header).toMatchObject({ name: 'Ada Jones', reference: 'YJ-1', allocatedWorker: 'Cara Case', status: 'Open' });
    expect(words.header.orders).toEqual([{ itemId: 'o1', label: 'YRO made 1 March 2026', type: 'Youth rehabilitation order', endDate: '2027-03-01' }]);
    expect(words.header.ratings).toEqual([{ label: 'Risk of serious harm (ROSH)', value: { text: 'Very high' } }]);
    expect(words.header.banners).toEqual([expect.objectContaining({ kind: 'legal-hold', text: expect.stringContaining('Inquiry preservation') })]);
  });

  it('offers corrections only in sections the reader may write, with the fields\' types and options (a computed expression is not offered)', () => {
    expect(Object.keys(words.correctable)).toEqual(['personal']);
    expect(words.correctable.personal!.fields.map((x) => [x.key, x.type])).toEqual([['givenName', 'textfield'], ['dateOfBirth', 'datetime'], ['interpreter', 'checkbox']]);
  });

  it('says a value filed in another section than the form asks it by that form\'s label and options (the referral page files "Referred by" under Personal)', () => {
    const intake = buildFieldCatalogue([{ deployedAt: '2026-01-01T00:00:00Z', schema: { components: [
      { type: 'select', key: 'referralSource', label: 'Referred by', values: [{ value: 'police', label: 'Police' }], properties: { section: 'offending' } },
    ] } as FormVersion['schema'] }]);
    const personal = { ...record.sections.personal!, values: { referralSource: 'police' }, sources: {}, labels: undefined };
    const seen = presentCaseWords({
      record, sections: { personal }, submissions: [], readable: ['personal'], writable: [],
      catalogue: { ...catalogue, fields: intake }, names, openTasks: { total: 0, items: [] }, holds: [], today: '2026-12-02',
    });
    expect(seen.sections.personal!.fields.map((x) => [x.label, x.value.text])).toEqual([['Referred by', 'Police']]);
  });

  it('leaves the ratings and orders out of the header for a reader without those sections', () => {
    const limited = presentCaseWords({
      record, sections: { personal: record.sections.personal }, submissions: [], readable: ['personal'], writable: [],
      catalogue, names, openTasks: { total: 0, items: [] }, holds: [], today: '2026-12-02',
    });
    expect(limited.header.orders).toEqual([]);
    expect(limited.header.ratings).toEqual([]);
    expect(limited.sections.assessments).toBeUndefined();
  });
});

describe('presentAmendment', () => {
  it('says what changed by label, with option labels, who by name, and the reason', () => {
    const a = presentAmendment({
      caseId: 'YJ-1', section: 'personal', seq: 3, at: '2026-12-02T09:30:00Z', by: USER, source: { kind: 'manual', reason: 'Birth certificate seen' },
      changes: [{ field: 'dateOfBirth', previous: '2010-03-14', value: '2010-03-15' }], after: {},
    }, catalogue, names);
    expect(a).toMatchObject({ sectionLabel: 'Personal', by: 'Cara Case', how: { kind: 'manual', reason: 'Birth certificate seen' } });
    expect(a.changes).toEqual([{ label: 'Date of birth', previous: { text: '2010-03-14', date: '2010-03-14' }, value: { text: '2010-03-15', date: '2010-03-15' } }]);
    const item = presentAmendment({
      caseId: 'YJ-1', section: 'assessments', seq: 4, at: '2026-12-02T09:30:00Z', by: 'gone', source: { kind: 'submission', submissionId: 's', formId: 'referral', formVersion: 1 },
      changes: [{ field: 'roshRating', collection: 'assessments', item: 'a2', itemLabel: 'Assessment 2', previous: 'high', value: 'very-high' }], after: {},
    }, catalogue, names);
    expect(item.by).toBe('A former member of staff');
    expect(item.how).toEqual({ kind: 'submission', formTitle: 'Record a referral' });
    expect(item.changes[0]).toMatchObject({ label: 'Risk of serious harm (ROSH)', item: 'Assessment 2', previous: { text: 'High' }, value: { text: 'Very high' } });
  });
});
