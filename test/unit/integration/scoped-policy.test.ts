// A scope never widens what a service account's roles allow (issue 22): the sections readable are those the
// roles may read AND the scopes name; nothing is writable directly; glass is never broken. Here the roles'
// policy withholds Personal, so cases:read:personal reaches nothing and the read is refused, not emptied.
import { readCasePersonal } from '../../../server/src/application/integration/read-case-personal';
import { scopedPolicy } from '../../../server/src/application/integration/scoped-policy';
import type { AccessPolicy } from '../../../server/src/application/cases/case-access';

const roles: AccessPolicy = {
  can: () => true,
  readableSections: (a) => (a.roles.includes('personal-readers') ? ['personal', 'offending', 'health'] : ['offending']),
  writableSections: () => ['personal', 'offending'],
};
const actor = (role: string, scopes: string[]) => ({ id: 'svc-1', roles: [role], teams: ['north'], scopes });

describe('scopedPolicy: the roles’ rule narrowed by the scopes', () => {
  it('reads only sections both the roles and the scopes allow, writes none, never breaks glass', () => {
    const p = scopedPolicy(roles, ['cases:read:personal', 'referrals:create']);
    expect(p.readableSections(actor('personal-readers', []))).toEqual(['personal']);
    expect(p.readableSections(actor('others', []))).toEqual([]);
    expect(p.writableSections(actor('personal-readers', []))).toEqual([]);
    expect([p.can(actor('x', []), 'break-glass'), p.can(actor('x', []), 'create-case')]).toEqual([false, true]);
    expect(scopedPolicy(roles, ['referrals:create']).readableSections(actor('personal-readers', []))).toEqual([]);
  });

  it('refuses cases:read:personal when the roles may not read Personal, before any case is read', async () => {
    const cases = { findById: jest.fn() };
    await expect(readCasePersonal({ cases: cases as never, policy: roles }, actor('others', ['cases:read:personal']), 'YJ-1'))
      .rejects.toMatchObject({ kind: 'forbidden', code: 'SECTION_NOT_PERMITTED' });
    expect(cases.findById).not.toHaveBeenCalled();
  });
});
