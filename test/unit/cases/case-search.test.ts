// The cases list's search box and rows, without a database: what a typed search means, how a row is made
// from a case (names, aliases, the latest AssetPlus ratings), matching, and a total sort order.
import { compareRows, matchesFilters, matchesText, parseSearchText } from '../../../server/src/domain/cases/case-search-query';
import { currentRatings, disposalsOf, searchRowOf, type CaseSearchSource } from '../../../server/src/domain/cases/case-search-row';

const item = (id: string, values: Record<string, unknown>) => ({ id, values, sources: {} });
const source = (over: Partial<CaseSearchSource> = {}): CaseSearchSource => ({
  id: 'YJ-AB12CD34', team: 'north', status: 'open', createdAt: '2026-01-05T10:00:00Z',
  identity: { nameKey: 'sian|oneil smith', dateOfBirth: '2010-03-14', nhsNumber: '9434765919', displayName: "Siân O'Neil-Smith" },
  sections: { personal: { values: { givenName: 'Siân', familyName: "O'Neil-Smith", knownAs: 'Sunny', otherNames: ['Сиан'] } } },
  ...over,
});

describe('case search', () => {
  it('reads dates of birth, NHS numbers, references and name words out of one search box', () => {
    expect(parseSearchText("Siân O'Neil 14 March 2010")).toEqual({ words: ['sian', 'oneil'], dates: ['2010-03-14'], nhsNumbers: [], references: [] });
    expect(parseSearchText('14/03/2010').dates).toEqual(['2010-03-14']);
    expect(parseSearchText('2010-03-14').dates).toEqual(['2010-03-14']);
    expect(parseSearchText('3 Sept 2009').dates).toEqual(['2009-09-03']);
    expect(parseSearchText('943 476 5919').nhsNumbers).toEqual(['9434765919']);
    expect(parseSearchText('943-476-5919').nhsNumbers).toEqual(['9434765919']);
    expect(parseSearchText('yj-ab12cd34').references).toEqual(['YJ-AB12CD34']);
    // Not a calendar day: not a date of birth, and its digits are no name either.
    expect(parseSearchText('30/02/2010')).toMatchObject({ dates: [], words: [] });
    expect(parseSearchText('   ')).toEqual({ words: [], dates: [], nhsNumbers: [], references: [] });
  });

  it('makes a row of names, aliases of any script and the latest ratings', () => {
    const row = searchRowOf(source());
    expect(row.aliases).toEqual(['Сиан', 'Sunny']); // in the order of ALIAS_FIELDS
    expect(row.nameWords).toEqual(expect.arrayContaining(['sian', 'oneil', 'smith', 'sunny', 'сиан']));
    expect(row.sortName).toBe('oneil smith sian');
    expect(currentRatings({ values: { roshRating: 'low' }, collections: { assessments: [item('a1', { roshRating: 'high', safetyWellbeingRating: 'medium' }), item('a2', { roshRating: 'very-high' })] } }))
      .toEqual({ rosh: 'very-high', safetyWellbeing: 'medium' });
    expect(currentRatings({ values: { roshRating: 'low', safetyWellbeingRating: 'not a rating' } })).toEqual({ rosh: 'low' });
    expect(disposalsOf({ collections: { outcomes: [item('o1', { type: 'youth-caution' }), item('o2', { type: '' })], orders: [item('r1', { type: 'referral-order' }), item('r2', { type: 'youth-caution' })] } }))
      .toEqual(['youth-caution', 'referral-order']);
  });

  it('matches every part typed: the start of a name word for the own team, whole words across teams', () => {
    const row = searchRowOf(source());
    const match = (q: string, wholeWords = false) => matchesText(row, parseSearchText(q), { wholeWords });
    expect(match('SIAN o’neil')).toBe(true);
    expect(match('si')).toBe(true);
    expect(match('si', true)).toBe(false);
    expect(match('siân 14 March 2010', true)).toBe(true);
    expect(match('siân 15 March 2010')).toBe(false);
    expect(match('sunny')).toBe(true);
    expect(match('сиан', true)).toBe(true);
    expect(match('943 476 5919', true)).toBe(true);
    expect(match('yj-ab12cd34', true)).toBe(true);
    expect(match('YJ-AB12', true)).toBe(false);
    expect(match('YJ-AB12')).toBe(true);
  });

  it('filters by worker (none: not allocated) and sorts in a total order', () => {
    const a = searchRowOf(source({ id: 'YJ-A', caseManagerId: 'w1', sections: { personal: { values: { givenName: 'Ann', familyName: 'Zed' } }, assessments: { values: { roshRating: 'medium' } } } }));
    const b = searchRowOf(source({ id: 'YJ-B', createdAt: '2026-03-01T00:00:00Z', sections: { personal: { values: { givenName: 'Bob', familyName: 'Able' } } } }));
    expect(matchesFilters(a, { worker: 'w1' })).toBe(true);
    expect(matchesFilters(a, { worker: null })).toBe(false);
    expect(matchesFilters(b, { worker: null })).toBe(true);
    expect([a, b].sort(compareRows('name')).map((r) => r.id)).toEqual(['YJ-B', 'YJ-A']);
    expect([a, b].sort(compareRows('newest')).map((r) => r.id)).toEqual(['YJ-B', 'YJ-A']);
    expect([b, a].sort(compareRows('risk')).map((r) => r.id)).toEqual(['YJ-A', 'YJ-B']);
  });
});
