import { can, filterSections, readableSections, unwritableSections } from '../../../server/src/domain/policies';

const record = {
  personal: { name: 'A Child' },
  health: { screening: 'CAMHS referral' },
  victims: [{ name: 'V' }],
  offending: { offences: 2 },
  audit: [],
};

describe('policies over several roles and edge cases', () => {
  it('gives a user with two roles the union of both', () => {
    const user = { roles: ['victim-workers', 'health-workers'] };
    expect(readableSections(user)).toEqual(expect.arrayContaining(['health', 'victims']));
    expect(readableSections(user)).not.toContain('audit');
  });

  it('denies everything to an inactive user and to unknown roles', () => {
    expect(can({ roles: ['team-managers'], active: false }, 'allocate')).toBe(false);
    expect(readableSections({ roles: ['team-managers'], active: false })).toEqual([]);
    expect(can({ roles: ['superuser', 'constructor', '__proto__'] }, 'administer-users')).toBe(false);
  });

  it('filterSections drops unreadable sections and names every withheld section, filled or not', () => {
    const { visible, withheld } = filterSections({ roles: ['case-managers'] }, record);
    expect(Object.keys(visible).sort()).toEqual(['offending', 'personal']);
    expect(withheld).toEqual(['health', 'victims', 'audit']);
    expect(JSON.stringify(visible)).not.toContain('CAMHS');
  });

  it('filterSections shows health to a health worker but not victims', () => {
    const { visible, withheld } = filterSections({ roles: ['health-workers'] }, record);
    expect(visible.health).toEqual({ screening: 'CAMHS referral' });
    expect(visible.victims).toBeUndefined();
    expect(withheld).toEqual(['victims', 'audit']);
  });

  it('filterSections drops keys that are not sections (deny by default)', () => {
    const { visible } = filterSections({ roles: ['team-managers'] }, { personal: 1, secretNotes: 'x' } as never);
    expect(visible).toEqual({ personal: 1 });
  });

  it('unwritableSections names the sections a write may not touch, unknown names included', () => {
    expect(unwritableSections({ roles: ['case-managers'] }, ['personal', 'health', 'nonsense', 'health'])).toEqual(['health', 'nonsense']);
    expect(unwritableSections({ roles: ['health-workers'] }, ['health'])).toEqual([]);
  });
});
