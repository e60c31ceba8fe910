// Create or edit a user: details, roles (checkboxes), teams (checkboxes of the teams directory, by name),
// manager, password. Field errors from the server appear beside their fields; nothing is saved until every
// field is right. A team the account still has but the directory no longer lists is shown so it can be unticked.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type FieldErrors } from '../auth/api-fetch';
import type { AdminUserDto, UserFormBody } from './admin-api';
import { teamName } from '../../shell/format';
import { Checkboxes } from './team-form-parts';

export interface UserFormProps {
  roles: { key: string; label: string }[];
  /** The teams of the directory a person may join today. */
  teams: { key: string; name: string }[];
  managers: AdminUserDto[];
  initial?: AdminUserDto;
  submitLabel: string;
  onSubmit(body: UserFormBody): Promise<void>;
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <span id={`${id}-error`} className="govuk-error-message">{error}</span> : null}
    </p>
  );
}

export function UserForm({ roles, teams, managers, initial, submitLabel, onSubmit }: UserFormProps) {
  const [v, setV] = useState({
    username: initial?.username ?? '', displayName: initial?.displayName ?? '', email: initial?.email ?? '',
    roles: initial?.roles ?? [], teams: initial?.teams ?? [], managerId: initial?.managerId ?? '', password: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const toggle = (k: 'roles' | 'teams', x: string) => setV({ ...v, [k]: v[k].includes(x) ? v[k].filter((y) => y !== x) : [...v[k], x] });
  const held = (initial?.teams ?? []).filter((k) => !teams.some((t) => t.key === k)).map((k) => ({ value: k, label: teams.length ? `${teamName(k)} (no longer a team: untick it)` : teamName(k) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: UserFormBody = {
      displayName: v.displayName, email: v.email, roles: v.roles,
      teams: v.teams, managerId: v.managerId || null,
    };
    if (!initial) body.username = v.username;
    if (v.password || !initial) body.password = v.password;
    try {
      setErrors({});
      setMessage(undefined);
      await onSubmit(body);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
      if (err instanceof ApiError) setErrors(err.errors);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="user-form">
      {message ? <p role="alert" className="govuk-error-message">{message}</p> : null}
      {!initial ? <Field id="user-username" label="Username" error={errors.username}><input id="user-username" value={v.username} onChange={set('username')} /></Field> : null}
      <Field id="user-displayName" label="Name" error={errors.displayName}><input id="user-displayName" value={v.displayName} onChange={set('displayName')} /></Field>
      <Field id="user-email" label="Email" error={errors.email}><input id="user-email" type="email" value={v.email} onChange={set('email')} /></Field>
      <fieldset>
        <legend>Roles</legend>
        {roles.map((r) => (
          <label key={r.key} className="checkbox">
            <input type="checkbox" checked={v.roles.includes(r.key)} onChange={() => toggle('roles', r.key)} /> {r.label}
          </label>
        ))}
        {errors.roles ? <span className="govuk-error-message">{errors.roles}</span> : null}
      </fieldset>
      <Checkboxes id="user-teams" legend="Teams" error={errors.teams} options={[...teams.map((t) => ({ value: t.key, label: t.name })), ...held]}
        chosen={v.teams} toggle={(k) => toggle('teams', k)} />
      <Field id="user-manager" label="Manager" error={errors.managerId}>
        <select id="user-manager" value={v.managerId} onChange={set('managerId')}>
          <option value="">None</option>
          {managers.filter((m) => m.id !== initial?.id).map((m) => <option key={m.id} value={m.id}>{m.displayName} ({m.username})</option>)}
        </select>
      </Field>
      <Field id="user-password" label={initial ? 'New password (leave empty to keep)' : 'Password (at least 12 characters)'} error={errors.password}>
        <input id="user-password" type="password" autoComplete="new-password" value={v.password} onChange={set('password')} />
      </Field>
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
