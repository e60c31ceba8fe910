// The return's pure parts: quarters in words, the layout file's refusals and the layout in force for a
// quarter, the check of a file against the layout, XML escaping, and children named only for readers who
// may see their cases. Expectations written from docs/returns.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { presentVersions } from '../../../server/src/application/returns/present-return';
import { layoutForPeriod, parseReturnLayout, type ReturnLayout } from '../../../server/src/domain/returns/return-layout';
import { parseQuarter, quarterOf, recentQuarters } from '../../../server/src/domain/returns/return-quarter';
import type { ReturnSummary } from '../../../server/src/domain/returns/return-version';
import { fieldValue } from '../../../server/src/domain/returns/return-values';
import { checkAgainstLayout, writeReturnXml } from '../../../server/src/domain/returns/return-xml';

const shipped = JSON.parse(readFileSync(path.join(__dirname, '../../../processes/returns/case-level-2026.json'), 'utf8'));
const layout = parseReturnLayout(shipped, 'case-level-2026.json');
const child = (values: [string, string][], disposals: [string, string][][] = [[['DisposalId', 'd1'], ['DisposalType', 'YC'], ['DisposalDate', '2026-04-14'], ['AgeAtDisposal', '15']]]) => ({
  element: 'Child', values: values.map(([element, value]) => ({ element, value })),
  children: disposals.map((d) => ({ element: 'Disposal', values: d.map(([element, value]) => ({ element, value })), children: [] })),
});
const complete: [string, string][] = [['LocalChildId', 'YJ-1'], ['DateOfBirth', '2010-05-20'], ['Sex', '2'], ['Ethnicity', 'WBRI']];

describe('quarters', () => {
  it('follow the financial year and are said in words', () => {
    expect(parseQuarter('2026-Q1')).toEqual({ id: '2026-Q1', start: '2026-04-01', end: '2026-06-30', words: 'April to June 2026 (2026/27 quarter 1)' });
    expect(parseQuarter('2026-Q4')).toMatchObject({ start: '2027-01-01', end: '2027-03-31', words: 'January to March 2027 (2026/27 quarter 4)' });
    expect(parseQuarter('2027-Q4').end).toBe('2028-03-31');
    expect(quarterOf('2027-02-10').id).toBe('2026-Q4');
    expect(recentQuarters('2026-12-02', 3).map((q) => q.id)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
    expect(() => parseQuarter('2026-Q5')).toThrow('Choose a quarter');
  });
});

describe('the layout file', () => {
  it('is refused naming the record and field at fault', () => {
    const bad = (change: (l: typeof shipped) => void) => {
      const copy = JSON.parse(JSON.stringify(shipped));
      change(copy);
      return () => parseReturnLayout(copy, 'x.json');
    };
    expect(bad((l) => { l.records[0].fields[2].codes = undefined; })).toThrow('x.json: record child, field Sex a code field needs codes');
    expect(bad((l) => { l.records[1].fields[2].source = { derived: 'shoeSize' }; })).toThrow(/record disposal, field DisposalDate unknown derived value/);
    expect(bad((l) => { l.records[0].fields[0].source = { item: 'type' }; })).toThrow(/an item source is only for item records/);
    expect(bad((l) => { l.records[0].fields[1].source = { section: 'secrets', field: 'x' }; })).toThrow(/known section/);
    expect(bad((l) => { l.validFrom = 'April'; })).toThrow(/validFrom/);
  });

  it('in force for a quarter is the latest that starts on or before it', () => {
    const next = { ...layout, version: '2027.1', validFrom: '2027-04-01' } as ReturnLayout;
    expect(layoutForPeriod([layout, next], '2027-01-01')?.version).toBe('2026.1');
    expect(layoutForPeriod([layout, next], '2027-04-01')?.version).toBe('2027.1');
    expect(layoutForPeriod([layout, next], '2026-01-01')).toBeUndefined();
  });
});

describe('the check against the layout', () => {
  it('passes a complete record and names what a wrong one breaks', () => {
    expect(checkAgainstLayout(layout, [child(complete)])).toEqual([]);
    expect(checkAgainstLayout(layout, [child([['LocalChildId', 'YJ-1'], ['Sex', 'X'], ['DateOfBirth', '20/05/2010']])])).toEqual([
      'record 1 <Child>: <Sex> is not one of the layout\'s codes',
      'record 1 <Child>: <DateOfBirth> is out of the layout\'s order',
      'record 1 <Child>: required <Ethnicity> is missing',
    ]);
    expect(checkAgainstLayout(layout, [child(complete, [])])).toEqual(['record 1 <Child>: has no records inside it']);
    expect(checkAgainstLayout(layout, [{ ...child(complete), element: 'Disposal' }])[0]).toMatch(/not a record the layout allows here/);
  });

  it('escapes what XML must', () => {
    const xml = writeReturnXml(layout, parseQuarter('2026-Q1'), [child([['LocalChildId', 'A<&>"\'B'], ...complete.slice(1)])]);
    expect(xml).toContain('<LocalChildId>A&lt;&amp;&gt;&quot;&apos;B</LocalChildId>');
    expect(checkAgainstLayout(layout, [child([['LocalChildId', 'A\u0001B'], ...complete.slice(1)])])).toEqual(['record 1 <Child>: <LocalChildId> holds a character XML cannot carry']);
  });
});

describe('a code field', () => {
  const childRecord = layout.records.find((r) => r.element === 'Child')!;
  const sex = childRecord.fields.find((f) => f.element === 'Sex')!;
  const valueOf = (gender: string) => fieldValue(sex, { layoutRecord: childRecord, record: { id: 'c1', team: 'north', sections: { personal: { values: { gender } } } } as never });

  it('maps a recorded answer through the layout\'s own codes', () => {
    expect(valueOf(' Girl ')).toEqual({ value: '2' });
  });

  it('treats a free-text answer naming an inherited property as having no code, not as a code', () => {
    for (const gender of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(valueOf(gender)).toEqual({ problem: 'Gender has no code in the return\'s layout for the value recorded', shown: gender });
    }
    expect(checkAgainstLayout(layout, [child([['LocalChildId', 'YJ-1'], ['DateOfBirth', '2010-05-20'], ['Sex', Object as never], ['Ethnicity', 'WBRI']])]))
      .toEqual(['record 1 <Child>: <Sex> is not text']);
  });
});

describe('records that cannot be completed, as a reader sees them', () => {
  const version: ReturnSummary = {
    id: '2026-Q1-v1', quarter: '2026-Q1', version: 1, layoutId: 'yjb-case-level', layoutVersion: '2026.1', status: 'draft',
    generatedAt: '2026-07-02T09:00:00.000Z', generatedBy: 'u1', counts: { children: 0, records: 0, leftOut: 2 }, caseIds: [], fileName: 'f.xml', sha256: 'x',
    problems: [
      { caseId: 'c-north', team: 'north', record: 'Child', reason: 'Ethnicity has no code in the return\'s layout for the value recorded', value: 'purple' },
      { caseId: 'c-south', team: 'south', record: 'Child', reason: 'Gender is not recorded (Personal tab)' },
      { caseId: 'c-gone', team: 'south', record: 'Child', reason: 'Gender is not recorded (Personal tab)' },
    ],
  };
  const deps = {
    users: { findById: async (id: string) => (id === 'u1' ? { displayName: 'Dan Data' } as never : undefined) },
    cases: { labelsOf: async (ids: readonly string[]) => ids.flatMap((id) => (id === 'c-north' ? [{ id, team: 'north', displayName: 'Amy Able' }] : id === 'c-south' ? [{ id, team: 'south', displayName: 'Ben Brook' }] : [])) },
    policy: { can: () => true, readableSections: () => [], writableSections: () => [] },
  };

  it('names the child, with the value, only where the reader may see the case', async () => {
    const { views, casesNamed } = await presentVersions(deps, { id: 'u2', roles: ['data-officers'], teams: ['north'] }, [version]);
    expect(views[0].generatedBy).toBe('Dan Data');
    expect(views[0].problems).toEqual([
      { child: 'Amy Able', caseId: 'c-north', team: 'north', record: 'Child', reason: expect.stringMatching(/Ethnicity/), value: 'purple' },
      { child: 'A child in South team (not one of your teams)', team: 'south', record: 'Child', reason: 'Gender is not recorded (Personal tab)' },
      { child: 'A child whose record has since been erased', team: 'south', record: 'Child', reason: 'Gender is not recorded (Personal tab)' },
    ]);
    expect(casesNamed).toEqual(['c-north']);
  });
});
