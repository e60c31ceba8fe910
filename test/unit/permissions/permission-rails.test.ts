// The safety rails and the effect, as pure functions over tables written out here.
import { configChanges, permissionEffect, rowChanges } from '../../../server/src/domain/permissions/permission-effect';
import { selfGrantProblems, tableProblems } from '../../../server/src/domain/permissions/permission-rails';
import type { PermissionRows } from '../../../server/src/domain/policies';

const rows = (r: Record<string, { actions?: string[]; read?: string[]; write?: string[] }>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { actions: v.actions ?? [], read: v.read ?? [], write: v.write ?? [] }])) as unknown as PermissionRows;

const base = rows({ admins: { actions: ['administer-users'] }, nurses: { actions: ['view-cases'], read: ['health', 'personal'], write: ['health'] } });

describe('tableProblems', () => {
  it('accepts a sound table', () => {
    expect(tableProblems(base)).toEqual({});
  });
  it('names each problem where it is', () => {
    expect(tableProblems(rows({
      admins: { actions: ['administer-users', 'teleport'] },
      nurses: { read: ['personal'], write: ['health', 'moon'] },
      'Bad Name': {},
    }))).toEqual({
      'rows.admins.actions': 'Unknown action: teleport',
      'rows.nurses.write': 'Unknown case section: moon',
      'rows.Bad Name': expect.stringMatching(/is not a role name/),
    });
    expect(tableProblems(rows({ nurses: { read: ['personal'], write: ['health'] }, admins: { actions: ['administer-users'] } }))['rows.nurses.write'])
      .toBe('nurses cannot write Health without being able to read it: add read access or remove write access');
  });
  it('refuses a table where no role administers users, and an empty one', () => {
    expect(tableProblems(rows({ nurses: {} })).rows).toMatch(/No role could administer users/);
    expect(tableProblems(rows({})).rows).toBeDefined();
  });
});

describe('selfGrantProblems', () => {
  it("holds back for approval a widening of the admin's own roles into children's data, not others' roles", () => {
    const mine = rows({ ...base, admins: { actions: ['administer-users', 'break-glass'], read: ['victims'] } });
    expect(selfGrantProblems(base, mine, ['admins'])).toEqual({
      'rows.admins': "This gives your own role admins access to children's data (read Victims, Break glass (emergency access)): another administrator must approve it before it is in force",
    });
    const others = rows({ ...base, nurses: { actions: ['view-cases'], read: ['health', 'personal', 'victims'], write: ['health'] } });
    expect(selfGrantProblems(base, others, ['admins'])).toEqual({});
    // Taking access away from oneself is not a grant.
    expect(selfGrantProblems(base, rows({ ...base, nurses: {} }), ['admins', 'nurses'])).toEqual({});
  });
});

describe('permissionEffect', () => {
  const users = [
    { id: 'u1', displayName: 'Zed Nurse', roles: ['nurses'] },
    { id: 'u2', displayName: 'Amy Both', roles: ['nurses', 'carers'] },
    { id: 'u3', displayName: 'Bob Admin', roles: ['admins'] },
  ];
  it('lists gains and losses by user over all their roles, names sorted', () => {
    const before = rows({ ...base, carers: { read: ['personal'] } });
    const after = rows({ ...base, nurses: { actions: ['view-cases'], read: ['health', 'victims'], write: ['health'] }, carers: { read: ['personal'] } });
    expect(permissionEffect(before, after, users)).toEqual([
      { kind: 'read', name: 'victims', change: 'gain', summary: '2 users would gain read access to Victims', users: [{ id: 'u2', displayName: 'Amy Both' }, { id: 'u1', displayName: 'Zed Nurse' }] },
      // Amy keeps Personal through carers.
      { kind: 'read', name: 'personal', change: 'loss', summary: '1 user would lose read access to Personal details', users: [{ id: 'u1', displayName: 'Zed Nurse' }] },
    ]);
    expect(rowChanges(before, after)).toEqual([{ role: 'nurses', change: 'read +victims -personal' }]);
  });
});

describe('configured sections and role names', () => {
  const slt = { key: 'speech-language', label: 'Speech and language', description: 'Communication needs' };
  const withSlt = rows({ admins: { actions: ['administer-users'] }, slt: { actions: ['view-cases'], read: ['speech-language'], write: ['speech-language'] } });

  it('knows a section only when the version adds it, and names it in the refusals and the effect', () => {
    expect(tableProblems(withSlt)['rows.slt.read']).toBe('Unknown case section: speech-language');
    expect(tableProblems(withSlt, { sections: [slt], roleLabels: { slt: 'Speech and language workers' } })).toEqual({});
    const writeOnly = rows({ admins: { actions: ['administer-users'] }, slt: { write: ['speech-language'] } });
    expect(tableProblems(writeOnly, { sections: [slt], roleLabels: {} })['rows.slt.write'])
      .toBe('slt cannot write Speech and language without being able to read it: add read access or remove write access');
    const effect = permissionEffect(base, withSlt, [{ id: 'u1', displayName: 'Sue', roles: ['slt'] }], { sections: [slt], roleLabels: {} });
    expect(effect.map((l) => l.summary)).toContain('1 user would gain read access to Speech and language');
  });

  it('refuses a section without a name or description, a key taken or malformed, and a name for a role the version lacks', () => {
    const problems = tableProblems(base, {
      sections: [{ key: 'health', label: 'Health again', description: 'x' }, { key: 'Speech Language', label: 'x', description: 'x' }, { key: 'slt-notes', label: ' ', description: '' }],
      roleLabels: { ghosts: 'Ghosts' },
    });
    expect(problems).toEqual({
      'sections.0.key': 'There is already a section called health: choose another key',
      'sections.1.key': expect.stringMatching(/is not a section key/),
      'sections.2.label': expect.stringMatching(/Give the tab a name/),
      'sections.2.description': expect.stringMatching(/Say what belongs in this section/),
      'roleLabels.ghosts': 'There is no role ghosts to name: add its row or remove the name',
    });
  });

  it('says what a version changes in its sections and names', () => {
    expect(configChanges({}, { sections: [slt], roleLabels: { slt: 'Speech and language workers' } })).toEqual([
      { role: 'case sections', change: 'added speech-language (Speech and language)' },
      { role: 'slt', change: 'named "Speech and language workers"' },
    ]);
    expect(configChanges({ sections: [slt] }, { sections: [], roleLabels: {} })).toEqual([{ role: 'case sections', change: 'removed speech-language' }]);
  });
});
