// Administrators' permissions page (/admin/permissions): the version in force as three matrices of checkboxes
// (actions, sections read, sections written), roles shown by name; a role (with its name) and a case section
// (a restricted tab) can be added, the effect of the change previewed by name, then saved with a reason;
// below, every version with who, when and why. The server applies the safety rails; its refusals come back
// as field errors and are listed in the error summary. A change widening the admin's own access to children's
// data awaits another administrator, who approves or rejects it here (permissions-awaiting.tsx).
import { useEffect, useState } from 'react';
import { ApiError, useSession } from '../auth';
import { formatDateTime } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { AddRoleForm, AddSectionForm } from './permissions-additions';
import { PermissionsMatrix } from './permissions-matrix';
import { PermissionsAwaiting } from './permissions-awaiting';
import { AccountChangesAwaiting } from './account-changes-awaiting';
import { PermissionsEffect } from './permissions-effect';
import { permissionsApi, type PermissionConfigDto, type PermissionsDto, type PreviewDto, type Rows, type VersionSummaryDto } from './permissions-api';

const copy = (rows: Rows): Rows => JSON.parse(JSON.stringify(rows)) as Rows;

export function PermissionsPage() {
  const { user } = useSession();
  const [loaded, setLoaded] = useState<PermissionsDto>();
  const [rows, setRows] = useState<Rows>({});
  const [roles, setRoles] = useState<string[]>([]);
  const [roleNames, setRoleNames] = useState<Record<string, string>>({});
  const [config, setConfig] = useState<PermissionConfigDto>({ sections: [], roleLabels: {} });
  const [history, setHistory] = useState<VersionSummaryDto[]>();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<PreviewDto>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function load() {
    const [p, h] = await Promise.all([permissionsApi.current(), permissionsApi.history()]);
    setLoaded(p);
    setRows(copy(p.inForce.rows));
    setRoles(p.inForce.roles);
    setRoleNames(p.inForce.roleNames);
    setConfig({ sections: p.inForce.sections, roleLabels: p.inForce.roleLabels });
    setHistory(h);
  }
  useEffect(() => { load().catch((e: Error) => setErrors({ form: e.message })); }, []);

  const toggle = (field: 'actions' | 'read' | 'write') => (role: string, key: string, on: boolean) => {
    setPreview(undefined);
    setRows((r) => {
      const next = copy(r);
      const list = next[role]![field].filter((k) => k !== key);
      next[role]![field] = on ? [...list, key] : list;
      return next;
    });
  };

  function addRole(key: string, label: string) {
    setPreview(undefined);
    setRows({ ...rows, [key]: { actions: [], read: [], write: [] } });
    setRoles([...roles, key]);
    setRoleNames({ ...roleNames, [key]: label });
    setConfig({ ...config, roleLabels: { ...config.roleLabels, [key]: label } });
  }

  async function run(what: 'preview' | 'save') {
    setBusy(true);
    setErrors({});
    setNotice(undefined);
    try {
      if (what === 'preview') setPreview(await permissionsApi.preview(rows, config));
      else {
        const saved = await permissionsApi.save(loaded!.inForce.version, rows, config, reason);
        await load();
        setNotice('awaitingApproval' in saved
          ? 'Your change is saved and awaits another administrator\'s approval: it is not in force until they approve it.'
          : `Version ${saved.version} saved: it is in force now.`);
        setPreview(undefined);
        setReason('');
      }
    } catch (err) {
      setErrors(err instanceof ApiError && Object.keys(err.errors).length ? err.errors : { form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  if (!loaded) return <section><h1 className="govuk-heading-l">Permissions</h1>{errors.form ? <p role="alert">{errors.form}</p> : <p role="status">Loading permissions…</p>}</section>;
  const problems = Object.entries(errors);
  // The shipped sections, those in force, then those added on this page and not saved yet.
  const sections = [...loaded.sections, ...config.sections.filter((s) => !loaded.sections.some((l) => l.key === s.key))];
  return (
    <section className="admin-permissions">
      <h1 className="govuk-heading-l">Permissions</h1>
      {problems.length > 0 && (
        <div className="govuk-error-summary" role="alert" aria-labelledby="permissions-error-title">
          <h2 className="govuk-error-summary__title" id="permissions-error-title">There is a problem</h2>
          <ul className="govuk-list govuk-error-summary__list">{problems.map(([k, m]) => <li key={k}>{m}</li>)}</ul>
        </div>
      )}
      {notice && <div className="govuk-notification-banner govuk-notification-banner--success" role="status"><p className="govuk-notification-banner__heading">{notice}</p></div>}
      <p className="govuk-body">Version {loaded.inForce.version} is in force, saved {formatDateTime(loaded.inForce.createdAt)}. Tick what each role may do, preview who that affects, then save with a reason.</p>
      {loaded.latestChangeRequest && (
        <PermissionsAwaiting request={loaded.latestChangeRequest} me={user?.id} onDecided={async (r) => {
          await load();
          setNotice(r.state === 'approved' ? `Change approved: version ${r.version} is in force now.` : 'Change rejected: the permissions in force are unchanged.');
        }} />
      )}
      <AccountChangesAwaiting me={user?.id} onDecided={(r) => setNotice(`${r.requestedByName}’s account change was ${r.state}.`)} />
      <PermissionsMatrix caption="What each role may do" field="actions" items={loaded.actions} roles={roles} roleNames={roleNames} rows={rows} verb="may" onToggle={toggle('actions')} />
      <PermissionsMatrix caption="Case sections each role may read" field="read" items={sections} roles={roles} roleNames={roleNames} rows={rows} verb="may read" onToggle={toggle('read')} />
      <PermissionsMatrix caption="Case sections each role may change" field="write" items={sections} roles={roles} roleNames={roleNames} rows={rows} verb="may change" onToggle={toggle('write')} />
      <AddRoleForm taken={(key) => Object.hasOwn(rows, key)} onAdd={addRole} />
      <AddSectionForm
        taken={(key) => sections.some((s) => s.key === key)}
        onAdd={(s) => { setPreview(undefined); setConfig({ ...config, sections: [...config.sections, s] }); }}
      />
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => void run('preview')}>Preview the effect</button>
      {preview && <PermissionsEffect preview={preview} />}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="permissions-reason">Reason for the change (kept in the history)</label>
        <textarea className="govuk-textarea" id="permissions-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" className="govuk-button" disabled={busy} onClick={() => void run('save')}>Save a new version</button>
      <h2 className="govuk-heading-m">History</h2>
      <ScrollRegion label="Versions of the permissions"><table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Versions of the permissions, newest first</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Version</th><th scope="col" className="govuk-table__header">When</th><th scope="col" className="govuk-table__header">Who</th><th scope="col" className="govuk-table__header">Why</th></tr></thead>
        <tbody className="govuk-table__body">
          {(history ?? []).map((v) => (
            <tr key={v.version} className="govuk-table__row">
              <td className="govuk-table__cell">{v.version}</td>
              <td className="govuk-table__cell">{formatDateTime(v.createdAt)}</td>
              <td className="govuk-table__cell">{v.createdByName ?? v.createdBy}{v.approvedByName ? ` (approved by ${v.approvedByName})` : ''}</td>
              <td className="govuk-table__cell">{v.reason}</td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
    </section>
  );
}
