// Create a service account: the system's name, the role(s) whose permissions it has, its teams, scopes and
// token lifetime. GOV.UK error summary linked to the fields; the server repeats every check.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth/api-fetch';
import { ErrorSummary } from '../sar/error-summary';
import type { IssuedTokenDto, ScopeDto } from './service-accounts-api';

const idOf = (field: string) => `sa-${field}`;

export function ServiceAccountForm({ roles, scopes, onCreate }: {
  roles: { key: string; label: string }[];
  scopes: ScopeDto[];
  onCreate(body: Record<string, unknown>): Promise<IssuedTokenDto>;
}) {
  const [v, setV] = useState({ name: '', description: '', roles: [] as string[], teams: '', scopes: [] as string[], tokenDays: '90' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const toggle = (k: 'roles' | 'scopes', value: string) => setV({ ...v, [k]: v[k].includes(value) ? v[k].filter((x) => x !== value) : [...v[k], value] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!v.name.trim()) found.name = 'Enter the name of the system';
    if (!v.roles.length) found.roles = 'Choose at least one role';
    if (!v.teams.trim()) found.teams = 'Enter at least one team';
    if (!v.scopes.length) found.scopes = 'Choose at least one scope';
    if (!/^\d+$/.test(v.tokenDays)) found.tokenDays = 'Token lifetime must be a whole number of days from 1 to 365';
    setErrors(found);
    setMessage(Object.keys(found).length ? 'Some details need correcting' : undefined);
    if (Object.keys(found).length) return;
    try {
      await onCreate({
        name: v.name, ...(v.description.trim() ? { description: v.description } : {}), roles: v.roles, scopes: v.scopes,
        teams: v.teams.split(',').map((t) => t.trim()).filter(Boolean), tokenDays: Number(v.tokenDays),
      });
    } catch (err) {
      setMessage((err as Error).message);
      setErrors(err instanceof ApiError ? err.errors : {});
    }
  }

  const group = (field: string, children: React.ReactNode) => (
    <div className={`govuk-form-group${errors[field] ? ' govuk-form-group--error' : ''}`}>
      {errors[field] ? <p id={`${idOf(field)}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors[field]}</p> : null}
      {children}
    </div>
  );
  const checkboxes = (field: 'roles' | 'scopes', legend: string, hint: string, options: { key: string; label: string }[]) => group(field, (
    <fieldset className="govuk-fieldset" id={idOf(field)} aria-describedby={`${idOf(field)}-hint`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      <div id={`${idOf(field)}-hint`} className="govuk-hint">{hint}</div>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {options.map((o) => (
          <div className="govuk-checkboxes__item" key={o.key}>
            <input className="govuk-checkboxes__input" id={`${idOf(field)}-${o.key.replace(/[^a-z0-9]+/gi, '-')}`} type="checkbox" checked={v[field].includes(o.key)} onChange={() => toggle(field, o.key)} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={`${idOf(field)}-${o.key.replace(/[^a-z0-9]+/gi, '-')}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  ));

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary message={message} errors={errors} idOf={idOf} />
      {group('name', <><label className="govuk-label govuk-label--s" htmlFor={idOf('name')}>Name of the system</label>
        <input className="govuk-input" id={idOf('name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} /></>)}
      {group('description', <><label className="govuk-label govuk-label--s" htmlFor={idOf('description')}>Description (optional)</label>
        <input className="govuk-input" id={idOf('description')} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} /></>)}
      {checkboxes('roles', 'Roles', 'The account has the permissions of these roles, as a person would: the sections it may read and what it may do.',
        roles.filter((r) => r.key !== 'admins'))}
      {group('teams', <><label className="govuk-label govuk-label--s" htmlFor={idOf('teams')}>Teams</label>
        <div id={`${idOf('teams')}-hint`} className="govuk-hint">Separate teams with commas, for example north. Referrals open cases in the first team.</div>
        <input className="govuk-input govuk-!-width-one-half" id={idOf('teams')} aria-describedby={`${idOf('teams')}-hint`} value={v.teams} onChange={(e) => setV({ ...v, teams: e.target.value })} /></>)}
      {checkboxes('scopes', 'Scopes', 'What the system may call. A scope never reaches a section the roles may not read.', scopes.map((s) => ({ key: s.scope, label: s.label })))}
      {group('tokenDays', <><label className="govuk-label govuk-label--s" htmlFor={idOf('tokenDays')}>Token lifetime in days</label>
        <input className="govuk-input govuk-input--width-4" id={idOf('tokenDays')} inputMode="numeric" value={v.tokenDays} onChange={(e) => setV({ ...v, tokenDays: e.target.value })} /></>)}
      <button type="submit" className="govuk-button">Create service account</button>
    </form>
  );
}
