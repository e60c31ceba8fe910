// ONE table of form validation cases, run by the unit tests against validateSubmission, by the
// integration tests through the HTTP API (422 bodies, stored values) and through the browser's renderer
// (test/unit/client/forms/renderer-form-cases.test.tsx). If page and server ever disagree on a rule, a suite fails.
import type { FieldErrors, FormComponent, FormDefinition } from '../../server/src/forms-core';

/** Fixed "today" for date bounds; the API tests give the server a clock at the same instant. */
export const CASES_NOW = new Date('2026-03-10T12:00:00Z');

export interface FormCase {
  name: string;
  data: Record<string, unknown>;
  expect: { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };
}
export interface FormCaseGroup { form: FormDefinition; cases: FormCase[] }

const form = (id: string, components: FormComponent[]): FormDefinition => ({ id, type: 'default', schemaVersion: 16, components });
const ok = (name: string, data: Record<string, unknown>, value: Record<string, unknown> = data): FormCase => ({ name, data, expect: { ok: true, value } });
const bad = (name: string, data: Record<string, unknown>, errors: FieldErrors): FormCase => ({ name, data, expect: { ok: false, errors } });
const opts = (...values: string[]) => values.map((v) => ({ label: v.toUpperCase(), value: v }));

export const formCaseGroups: FormCaseGroup[] = [
  {
    form: form('case-text', [
      { id: 'f1', type: 'textfield', key: 'name', label: 'Name', validate: { required: true, minLength: 2, maxLength: 10 } },
      { id: 'f2', type: 'textarea', key: 'notes', label: 'Notes', validate: { maxLength: 20 } },
      { id: 'f3', type: 'textfield', key: 'email', label: 'Email', validate: { validationType: 'email' } },
      { id: 'f4', type: 'textfield', key: 'phone', label: 'Phone', validate: { validationType: 'phone' } },
      { id: 'f5', type: 'textfield', key: 'pnc', label: 'PNC number', validate: { pattern: '^\\d{2}/\\d{6}[A-Z]$' }, properties: { patternMessage: 'Use the format 12/345678A' } },
      { id: 'f6', type: 'textfield', key: 'ref', label: 'Reference', validate: { pattern: '^R' } },
      { id: 'f8', type: 'textfield', key: 'code', label: 'Team code', validate: { minLength: 3, pattern: '^[A-Z]+$' } },
      { id: 'f7', type: 'textfield', key: 'crn', label: 'Case reference', validate: { pattern: '^[A-Z]\\d{6}$', patternErrorMessage: 'Enter a letter then 6 digits' } },
      { id: 't1', type: 'text', text: '# Heading' },
      { id: 's1', type: 'separator' },
    ]),
    cases: [
      ok('all text rules satisfied', { name: 'Sam', notes: 'ok', email: 'sam@example.org', phone: '+447700900123', pnc: '12/345678A', ref: 'R1', crn: 'X123456' }),
      // Parity with form-js 1.23 (its Validator, compared answer by answer):
      bad('minLength counts the trimmed value', { name: ' S ' }, { name: 'Name must be at least 2 characters' }),
      ok('maxLength counts the trimmed value, which is kept as typed', { name: '   Sam      ' }),
      ok('phone: + or 00, country code and digits', { name: 'Sam', phone: '00447700900123' }),
      bad('phone with spaces is refused, as form-js does', { name: 'Sam', phone: '+44 7700 900123' }, { phone: 'Phone must be an international phone number without spaces, like +447700900123' }),
      bad('phone in national format is refused, as form-js does', { name: 'Sam', phone: '07700900123' }, { phone: 'Phone must be an international phone number without spaces, like +447700900123' }),
      bad('patternErrorMessage is the message of a failed pattern', { name: 'Sam', crn: '123' }, { crn: 'Enter a letter then 6 digits' }),
      bad('every problem of a field is reported, not only the first', { name: 'Sam', phone: '+44', notes: 'x'.repeat(21), crn: 'x' }, {
        phone: 'Phone must be an international phone number without spaces, like +447700900123',
        notes: 'Notes must be at most 20 characters',
        crn: 'Enter a letter then 6 digits',
      }),
      bad('two problems of one field are both named, in one message', { name: 'Sam', code: 'a' }, { code: 'Team code must be at least 3 characters; Team code is not in the expected format' }),
      bad('required text missing', {}, { name: 'Name is required' }),
      bad('empty string counts as missing', { name: '' }, { name: 'Name is required' }),
      bad('minLength', { name: 'S' }, { name: 'Name must be at least 2 characters' }),
      bad('maxLength on text and textarea', { name: 'Samuel Longname', notes: 'x'.repeat(21) }, { name: 'Name must be at most 10 characters', notes: 'Notes must be at most 20 characters' }),
      bad('email', { name: 'Sam', email: 'not-an-email' }, { email: 'Email must be an email address' }),
      bad('phone', { name: 'Sam', phone: 'call me' }, { phone: 'Phone must be an international phone number without spaces, like +447700900123' }),
      bad('pattern with custom message', { name: 'Sam', pnc: '12345' }, { pnc: 'Use the format 12/345678A' }),
      bad('pattern with default message', { name: 'Sam', ref: 'X1' }, { ref: 'Reference is not in the expected format' }),
      ok('number coerced to text', { name: 12345 }, { name: '12345' }),
      ok('empty optional text is not stored', { name: 'Sam', notes: '' }, { name: 'Sam' }),
      bad('keys not in the form are refused', { name: 'Sam', admin: true }, { admin: 'This is not a field of this form' }),
      bad('object where text expected', { name: { first: 'Sam' } }, { name: 'Name must be text' }),
    ],
  },
  {
    form: form('case-number-checkbox', [
      { id: 'n1', type: 'number', key: 'age', label: 'Age', validate: { required: true, min: 10, max: 17 } },
      { id: 'n2', type: 'number', key: 'hours', label: 'Hours', decimalDigits: 1 },
      { id: 'n3', type: 'number', key: 'dose', label: 'Dose', increment: '0.5' },
      { id: 'c1', type: 'checkbox', key: 'consent', label: 'Consent given', validate: { required: true } },
      { id: 'c2', type: 'checkbox', key: 'interpreter', label: 'Interpreter needed' },
    ]),
    cases: [
      ok('numbers and booleans', { age: 15, hours: 1.5, consent: true, interpreter: false }),
      ok('numeric strings become numbers', { age: '15', hours: '2', consent: 'true' }, { age: 15, hours: 2, consent: true }),
      bad('not a number', { age: 'fifteen', consent: true }, { age: 'Age must be a number' }),
      ok('increment: a multiple of the step', { age: 15, consent: true, dose: 1.5 }),
      bad('increment: between steps, naming the nearest', { age: 15, consent: true, dose: 1.2 }, { dose: 'Dose must be in steps of 0.5: the nearest are 1 and 1.5' }),
      bad('below min', { age: 9, consent: true }, { age: 'Age must be at least 10' }),
      bad('above max', { age: 18, consent: true }, { age: 'Age must be at most 17' }),
      bad('decimal places', { age: 12, hours: 1.25, consent: true }, { hours: 'Hours must have at most 1 decimal places' }),
      bad('required number and checkbox missing', {}, { age: 'Age is required', consent: 'Consent given must be ticked' }),
      bad('required checkbox unticked', { age: 12, consent: false }, { consent: 'Consent given must be ticked' }),
    ],
  },
  {
    form: form('case-choices', [
      { id: 'r1', type: 'radio', key: 'gender', label: 'Gender', values: opts('female', 'male', 'other'), validate: { required: true } },
      { id: 's1', type: 'select', key: 'ete', label: 'ETE status', values: opts('school', 'college', 'neet') },
      { id: 'c1', type: 'checklist', key: 'needs', label: 'Needs', values: opts('send', 'ehcp', 'fsm'), validate: { required: true } },
      { id: 't1', type: 'taglist', key: 'tags', label: 'Tags', values: opts('a', 'b') },
    ]),
    cases: [
      ok('declared options', { gender: 'female', ete: 'neet', needs: ['send', 'fsm'], tags: [] }),
      bad('radio value not declared', { gender: 'unknown', needs: ['send'] }, { gender: 'Gender must be one of the listed options' }),
      bad('select value not declared', { gender: 'male', ete: 'work', needs: ['send'] }, { ete: 'ETE status must be one of the listed options' }),
      bad('checklist item not declared', { gender: 'male', needs: ['send', 'car'] }, { 'needs[1]': 'Needs must contain only the listed options' }),
      bad('required checklist empty', { gender: 'male', needs: [] }, { needs: 'Needs is required' }),
      bad('taglist must be a list', { gender: 'male', needs: ['ehcp'], tags: 'a' }, { tags: 'Tags must be a list' }),
      ok('null select is empty', { gender: 'other', ete: null, needs: ['ehcp'] }, { gender: 'other', needs: ['ehcp'] }),
    ],
  },
  {
    form: form('case-dates', [
      { id: 'd1', type: 'datetime', subtype: 'date', key: 'dob', dateLabel: 'Date of birth', validate: { required: true }, properties: { minDate: '2005-01-01', maxDate: 'today' } },
      { id: 'd2', type: 'datetime', subtype: 'date', key: 'nextPanel', dateLabel: 'Next panel', disallowPassedDates: true },
      { id: 'd3', type: 'datetime', subtype: 'time', key: 'start', timeLabel: 'Start time' },
      { id: 'd4', type: 'datetime', subtype: 'datetime', key: 'arrested', dateLabel: 'Arrested at' },
    ]),
    cases: [
      ok('ISO dates kept, datetime normalised to UTC', { dob: '2010-05-04', nextPanel: '2026-03-10', start: '09:30', arrested: '2026-03-01T10:15+01:00' },
        { dob: '2010-05-04', nextPanel: '2026-03-10', start: '09:30', arrested: '2026-03-01T09:15:00.000Z' }),
      ok('timestamp for a date keeps the calendar date', { dob: '2010-05-04T00:00:00.000Z' }, { dob: '2010-05-04' }),
      bad('not a real date', { dob: '2010-02-30' }, { dob: 'Date of birth must be a date (YYYY-MM-DD)' }),
      bad('before min', { dob: '2004-12-31' }, { dob: 'Date of birth must be on or after 2005-01-01' }),
      bad('after today', { dob: '2026-03-11' }, { dob: 'Date of birth must be on or before 2026-03-10' }),
      bad('passed date refused', { dob: '2010-01-01', nextPanel: '2026-03-09' }, { nextPanel: 'Next panel must be on or after 2026-03-10' }),
      bad('bad time and datetime', { dob: '2010-01-01', start: '25:00', arrested: 'yesterday' }, { start: 'Start time must be a time (HH:mm)', arrested: 'Arrested at must be a date and time' }),
    ],
  },
  {
    form: form('case-conditional', [
      { id: 'c1', type: 'checkbox', key: 'hasVictim', label: 'Is there a victim?' },
      { id: 'f1', type: 'textfield', key: 'victimName', label: 'Victim name', validate: { required: true }, conditional: { hide: '=hasVictim != true' } },
      { id: 'g1', type: 'group', label: 'Address', path: 'address', conditional: { hide: '=hasVictim != true' }, components: [
        { id: 'f2', type: 'textfield', key: 'postcode', label: 'Postcode', validate: { required: true } },
        { id: 'g2', type: 'group', label: 'Extra', components: [{ id: 'f3', type: 'textfield', key: 'flat', label: 'Flat' }] },
      ] },
    ]),
    cases: [
      ok('hidden fields are stripped, not validated', { hasVictim: false, victimName: 'left over', address: { postcode: '' } }, { hasVictim: false }),
      bad('shown fields are validated (nested group paths)', { hasVictim: true }, { victimName: 'Victim name is required', 'address.postcode': 'Postcode is required' }),
      ok('nested group values kept', { hasVictim: true, victimName: 'Alex', address: { postcode: 'AB1 2CD', flat: '3' } }),
      bad('unknown key inside a group', { hasVictim: true, victimName: 'Alex', address: { postcode: 'AB1 2CD', street: 'x' } }, { 'address.street': 'This is not a field of this form' }),
    ],
  },
  {
    form: form('case-dynamic-list', [
      { id: 'l1', type: 'dynamiclist', path: 'contacts', label: 'Contacts', isRepeating: true, allowAddRemove: true, components: [
        { id: 'f1', type: 'textfield', key: 'name', label: 'Contact name', validate: { required: true } },
        { id: 's1', type: 'select', key: 'relation', label: 'Relationship', values: opts('parent', 'carer', 'other') },
        { id: 'f2', type: 'textfield', key: 'relationOther', label: 'Describe', validate: { required: true }, conditional: { hide: '=relation != "other"' } },
        { id: 'n1', type: 'number', key: 'age', label: 'Contact age', validate: { min: 0 } },
      ] },
      { id: 'l2', type: 'dynamiclist', path: 'notes', label: 'Notes', isRepeating: true, components: [
        { id: 'f9', type: 'textfield', key: 'text', label: 'Note' },
      ] },
      { id: 'l3', type: 'dynamiclist', path: 'visits', label: 'Visits', isRepeating: true, defaultRepetitions: 0, components: [
        { id: 'f10', type: 'textfield', key: 'place', label: 'Place', validate: { required: true } },
      ] },
    ]),
    cases: [
      ok('rows with per-row conditions', { contacts: [{ name: 'Pat', relation: 'parent', relationOther: 'stale' }, { name: 'Jo', relation: 'other', relationOther: 'Aunt', age: '40' }] },
        { contacts: [{ name: 'Pat', relation: 'parent' }, { name: 'Jo', relation: 'other', relationOther: 'Aunt', age: 40 }] }),
      ok('no rows', { contacts: [] }),
      bad('errors carry the row index', { contacts: [{ name: 'Pat' }, { relation: 'other', age: -1 }] },
        { 'contacts[1].name': 'Contact name is required', 'contacts[1].relationOther': 'Describe is required', 'contacts[1].age': 'Contact age must be at least 0' }),
      bad('unknown key in a row', { contacts: [{ name: 'Pat', secret: 1 }] }, { 'contacts[0].secret': 'This is not a field of this form' }),
      bad('rows must be a list', { contacts: 'Pat' }, { contacts: 'Contacts must be a list of rows' }),
      // form-js renders an absent list with defaultRepetitions rows (1 unless set); their required fields apply.
      bad('an absent list has its one row, whose required fields apply, as form-js renders it', {}, { 'contacts[0].name': 'Contact name is required' }),
      ok('an absent list whose assumed row holds nothing stores nothing; defaultRepetitions 0 assumes no row', { contacts: [{ name: 'Pat' }] }),
      bad('a null list is absent too', { contacts: null }, { 'contacts[0].name': 'Contact name is required' }),
    ],
  },
  {
    // FEEL-valued validation properties: form-js 1.23 evaluates min, max, minLength and maxLength; we also
    // evaluate required. A bound whose expression answers null (no value yet) does not apply, as in form-js.
    form: form('case-feel-validate', [
      { id: 'v1', type: 'number', key: 'lowest', label: 'Lowest score' },
      { id: 'v2', type: 'number', key: 'score', label: 'Score', validate: { min: '=lowest', max: '=lowest + 10' } as never },
      { id: 'v3', type: 'checkbox', key: 'short', label: 'Short name allowed' },
      { id: 'v4', type: 'textfield', key: 'name', label: 'Name', validate: { minLength: '=if short then 1 else 3', maxLength: '=if short then 4 else 20' } as never },
      { id: 'v5', type: 'checkbox', key: 'needsReason', label: 'Needs a reason' },
      { id: 'v6', type: 'textarea', key: 'reason', label: 'Reason', validate: { required: '=needsReason' } as never },
    ]),
    cases: [
      ok('bounds from other answers, satisfied', { lowest: 5, score: 15, short: false, name: 'Sam', needsReason: false }),
      bad('min from an answer', { lowest: 5, score: 4, name: 'Sam' }, { score: 'Score must be at least 5' }),
      bad('max from an expression over an answer', { lowest: 5, score: 16, name: 'Sam' }, { score: 'Score must be at most 15' }),
      ok('a bound whose expression answers null does not apply', { score: -100, name: 'Sam' }),
      bad('minLength from an expression', { short: false, name: 'Jo' }, { name: 'Name must be at least 3 characters' }),
      ok('the same answer passes when the expression lowers the bound', { short: true, name: 'Jo' }),
      bad('maxLength from an expression', { short: true, name: 'Jonas' }, { name: 'Name must be at most 4 characters' }),
      bad('required from an expression that answers true', { needsReason: true, name: 'Sam' }, { reason: 'Reason is required' }),
      ok('not required when it answers false', { needsReason: false, name: 'Sam' }),
    ],
  },
  {
    // Expressions are computed from the answers (never taken from the client); labels are templates; html,
    // image, table and button show but store nothing. FEEL dates are stored as "2026-03-14", as Zeebe writes them.
    form: form('case-expression-templates', [
      { id: 'e0', type: 'text', text: '# Hours for {{ name }}\n\n{{#if hours > 10}}Long week.{{/if}}' },
      { id: 'e1', type: 'textfield', key: 'name', label: 'Name', validate: { required: true } },
      { id: 'e2', type: 'number', key: 'hours', label: 'Hours' },
      { id: 'e3', type: 'number', key: 'rate', label: 'Rate' },
      { id: 'e4', type: 'expression', key: 'total', expression: '=hours * rate', computeOn: 'change' },
      { id: 'e5', type: 'expression', key: 'checkedOn', expression: '=date("2026-03-14")', computeOn: 'presubmit' },
      { id: 'e6', type: 'expression', key: 'bonus', expression: '=total * 2', conditional: { hide: '=total = null' } },
      { id: 'e7', type: 'textarea', key: 'approval', label: 'Why {{ name }} needs {{ total }}', validate: { required: true }, conditional: { hide: '=total = null or total <= 100' } },
      { id: 'e8', type: 'html', content: '<p>Rate for <b>{{ name }}</b></p>' },
      { id: 'e9', type: 'image', source: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Service logo' },
      { id: 'e10', type: 'table', label: 'Rates', columns: [{ label: 'Band', key: 'band' }, { label: 'Rate', key: 'rate' }], dataSource: '=[{band: "A", rate: 10}]', rowCount: 5 },
      { id: 'e11', type: 'button', label: 'Reset', action: 'reset' },
    ]),
    cases: [
      ok('expressions computed and stored under their keys, a FEEL date as a date string', { name: 'Sam', hours: 2, rate: 10 },
        { name: 'Sam', hours: 2, rate: 10, total: 20, checkedOn: '2026-03-14', bonus: 40 }),
      ok("the client's value for an expression is never taken", { name: 'Sam', hours: 2, rate: 10, total: 999, bonus: 1 },
        { name: 'Sam', hours: 2, rate: 10, total: 20, checkedOn: '2026-03-14', bonus: 40 }),
      ok('an expression answering null stores nothing, and a hidden one is not computed', { name: 'Sam' }, { name: 'Sam', checkedOn: '2026-03-14' }),
      bad('conditions see the computed value; a templated label names the field in its message', { name: 'Sam', hours: 20, rate: 10 },
        { approval: 'Why Sam needs 200 is required' }),
    ],
  },
  {
    form: form('case-readonly', [
      { id: 'r1', type: 'textfield', key: 'riskLevel', label: 'Risk level (from the assessment)', readonly: true },
      { id: 'r2', type: 'number', key: 'score', label: 'Score', readonly: '=locked = true' },
      { id: 'c1', type: 'checkbox', key: 'locked', label: 'Locked' },
      { id: 'd1', type: 'textfield', key: 'legacyRef', label: 'Legacy reference', disabled: true },
      { id: 'n1', type: 'textarea', key: 'note', label: 'Note', validate: { required: true } },
    ]),
    cases: [
      ok('read-only and disabled answers are not taken from the client', { riskLevel: 'Low', legacyRef: 'X', locked: true, score: 99, note: 'n' }, { locked: true, note: 'n' }),
      ok('FEEL read-only off: the field is an answer', { locked: false, score: '7', note: 'n' }, { locked: false, score: 7, note: 'n' }),
      bad('read-only fields are not validated either', { riskLevel: { any: 'thing' }, note: '' }, { note: 'Note is required' }),
    ],
  },
  {
    // form-js's multipage (its spec form multipage.json): pages hold fields as a group without a path; a hidden page's fields are neither validated nor stored.
    form: form('case-multipage', [{ id: 'mp', type: 'multipage', components: [
      { id: 'p1', type: 'page', label: 'Account type', components: [{ id: 'a1', type: 'textfield', key: 'accountType', label: 'Account type', validate: { required: true } }] },
      { id: 'p2', type: 'page', label: 'Company details', conditional: { hide: '=accountType != "business"' }, components: [
        { id: 'a2', type: 'textfield', key: 'company', label: 'Company', validate: { required: true } },
      ] },
    ] }]),
    cases: [
      ok("a hidden page's fields are neither validated nor stored", { accountType: 'personal', company: 'Acme' }, { accountType: 'personal' }),
      bad("a shown page's required fields apply", { accountType: 'business' }, { company: 'Company is required' }),
    ],
  },
  {
    // form-js's filepicker: its answer is a list of document references. The shape is checked here on both sides; a
    // reference is accepted only in a task of a case, where the server checks it names that case's document
    // (test/integration/forms/filepicker-task.test.ts), so every runner of this table refuses a well-formed one.
    form: form('case-filepicker', [
      { id: 'fp1', type: 'filepicker', key: 'evidence', label: 'Evidence', validate: { required: true } },
      { id: 'fp2', type: 'filepicker', key: 'photos', label: 'Photos', multiple: true, accept: '.jpg,.png' },
    ]),
    cases: [
      bad('a required filepicker with no file', { evidence: [] }, { evidence: 'Select a file for Evidence' }),
      bad('not a list', { evidence: 'letter.pdf' }, { evidence: 'Evidence must be a list of files' }),
      bad('an item that is not a reference', { evidence: ['letter.pdf'] }, { evidence: 'Evidence must list files as document references' }),
      bad('a key that is no part of a reference', { evidence: [{ documentId: 'd1', owner: 'x' }] }, { evidence: 'Evidence has "owner", which is not part of a document reference' }),
      bad('an id that is no id', { evidence: [{ documentId: '../d1' }] }, { evidence: 'Evidence names a file by an id that is not one' }),
      bad('another document type than Camunda\'s', { evidence: [{ 'camunda.document.type': 'external', documentId: 'd1' }] }, { evidence: 'Evidence names a document type other than "camunda"' }),
      bad('two files where multiple is not set', { evidence: [{ documentId: 'd1' }, { documentId: 'd2' }] }, { evidence: 'Evidence takes one file: remove the others' }),
      bad('a well-formed reference outside a task of a case', { evidence: [{ 'camunda.document.type': 'camunda', documentId: 'd1' }] }, { evidence: 'Evidence: files can be added only in a task form of a case' }),
    ],
  },
];
