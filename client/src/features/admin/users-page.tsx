// Administrators' users page: search and filter, page through, create, edit roles/teams/manager,
// unlock, deactivate and reactivate. An administrator's own change that reaches further into children's data
// waits for another administrator, who decides it here (AccountChangesAwaiting); access to children's data any
// administrator gave an account lately is listed for all of them (AccessGiven).
import { useState } from 'react';
import { useSession } from '../auth';
import { useAsync } from '../forms/use-async';
import { AccessGiven } from './access-given';
import { AccountChangesAwaiting } from './account-changes-awaiting';
import { adminApi, type AdminUserDto, type UserChange, type UserFilters } from './admin-api';
import { UserForm } from './user-form';
import { teamsApi } from './teams-api';
import { ScrollRegion } from '../../shell/scroll-region';
import { teamName } from '../../shell/format';

const PAGE = 25;

export function UsersPage() {
  const { user: me } = useSession();
  const [filters, setFilters] = useState<UserFilters>({ offset: 0, limit: PAGE });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<AdminUserDto | 'new' | undefined>();
  const [notice, setNotice] = useState<string>();
  const [reload, setReload] = useState(0);
  const [page] = useAsync(() => adminApi.list(filters), [filters, reload]);
  const [roles] = useAsync(() => adminApi.roles(), []);
  const roleName = (key: string) => (roles.state === 'ready' ? roles.data.find((r) => r.key === key)?.label : undefined) ?? key;
  const [managers] = useAsync(() => adminApi.list({ role: 'team-managers', limit: 100 }), [reload]);
  // The teams directory: people join teams chosen from it, by name.
  const [directory] = useAsync(() => teamsApi.list(), []);
  const teams = directory.state === 'ready' ? directory.data.teams.filter((t) => t.active).map((t) => ({ key: t.key, name: t.name })) : [];
  const done = (text: string) => {
    setNotice(text);
    setEditing(undefined);
    setReload((n) => n + 1);
  };
  const patch = async (u: AdminUserDto, body: UserChange, text: string) => {
    try {
      await adminApi.update(u.id, body);
      done(text);
    } catch (e) {
      setNotice((e as Error).message);
    }
  };

  return (
    <section className="admin-users">
      <h1>Users</h1>
      {notice ? <p role="status">{notice}</p> : null}
      <form role="search" onSubmit={(e) => { e.preventDefault(); setFilters({ ...filters, search, offset: 0 }); }}>
        <label htmlFor="user-search">Search by name or username</label>{' '}
        <input id="user-search" value={search} onChange={(e) => setSearch(e.target.value)} />{' '}
        <select aria-label="Role" value={filters.role ?? ''} onChange={(e) => setFilters({ ...filters, role: e.target.value || undefined, offset: 0 })}>
          <option value="">All roles</option>
          {roles.state === 'ready' ? roles.data.map((r) => <option key={r.key} value={r.key}>{r.label}</option>) : null}
        </select>{' '}
        <button type="submit">Search</button>{' '}
        <button type="button" onClick={() => setEditing('new')}>New user</button>
      </form>
      <AccountChangesAwaiting me={me?.id} reloadKey={reload} onDecided={(r) => done(`${r.requestedByName}’s account change was ${r.state}.${r.state === 'rejected' ? ` ${r.decisionReason ?? ''}` : ''}`)} />
      <AccessGiven reloadKey={reload} />
      {editing && roles.state === 'ready' ? (
        <div className="panel">
          <h2>{editing === 'new' ? 'New user' : `Edit ${editing.displayName}`}</h2>
          <UserForm
            key={editing === 'new' ? 'new' : editing.id}
            roles={roles.data}
            teams={teams}
            managers={managers.state === 'ready' ? managers.data.items : []}
            initial={editing === 'new' ? undefined : editing}
            submitLabel={editing === 'new' ? 'Create user' : 'Save changes'}
            onSubmit={async (body) => {
              const adminWaits = 'Making someone an administrator needs another administrator’s approval: their roles and teams wait until then.';
              if (editing === 'new') {
                const made = await adminApi.create({ ...body, username: body.username ?? '', password: body.password ?? '' });
                return done(`Created ${made.username}.${made.awaitingApproval ? ` ${adminWaits}` : ''}`);
              }
              const { awaitingApproval } = await adminApi.update(editing.id, body);
              if (!awaitingApproval) return done(`Saved ${editing.username}`);
              done(editing.id === me?.id
                ? `Your new roles or teams need another administrator's approval, because you would gain access to children's data (${awaitingApproval.gained.join(', ')}). Anything else you changed is saved.`
                : `Saved ${editing.username}. ${adminWaits}`);
            }}
          />
          <button type="button" onClick={() => setEditing(undefined)}>Cancel</button>
        </div>
      ) : null}
      {page.state === 'loading' ? <p role="status">Loading users…</p> : null}
      {page.state === 'error' ? <p role="alert" className="govuk-error-message">{page.message}</p> : null}
      {page.state === 'ready' ? (
        <>
          <ScrollRegion label="Users"><table>
            <thead><tr><th>Name</th><th>Username</th><th>Roles</th><th>Teams</th><th>Status</th><th>Actions</th></tr></thead>
            <tbody>
              {page.data.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.displayName}</td>
                  <td>{u.username}</td>
                  <td>{u.roles.map(roleName).join(', ')}</td>
                  <td>{u.teams.map(teamName).join(', ')}</td>
                  <td>{!u.active ? 'Deactivated' : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? 'Locked' : 'Active'}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(u)}>Edit</button>{' '}
                    {u.lockedUntil ? <button type="button" onClick={() => patch(u, { unlock: true }, `Unlocked ${u.username}`)}>Unlock</button> : null}{' '}
                    <button type="button" onClick={() => patch(u, { active: !u.active }, `${u.active ? 'Deactivated' : 'Reactivated'} ${u.username}`)}>
                      {u.active ? 'Deactivate' : 'Reactivate'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></ScrollRegion>
          <p>
            {page.data.total} users.{' '}
            <button type="button" disabled={page.data.offset === 0} onClick={() => setFilters({ ...filters, offset: Math.max(0, page.data.offset - PAGE) })}>Previous</button>{' '}
            <button type="button" disabled={page.data.offset + PAGE >= page.data.total} onClick={() => setFilters({ ...filters, offset: page.data.offset + PAGE })}>Next</button>
          </p>
        </>
      ) : null}
    </section>
  );
}
