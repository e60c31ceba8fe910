// One process version at a glance: its diagram with running instances per element (incidents in red),
// the instances filtered by state, and — for those who may — migration of this version's instances.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../auth';
import { useLoad } from '../escalation/use-load';
import { MigrationPanel } from './migration-panel';
import { Diagram } from './lazy-diagram';
import { monitorApi, type InstanceState } from './monitor-api';
import { ScrollRegion } from '../../shell/scroll-region';

const STATES: { value: InstanceState | ''; label: string }[] = [
  { value: '', label: 'All' }, { value: 'active', label: 'Running' }, { value: 'incident', label: 'Incidents' },
  { value: 'completed', label: 'Completed' }, { value: 'cancelled', label: 'Cancelled' },
];

export function MonitorPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [processes] = useLoad(() => monitorApi.listing(), 'processes');
  const list = processes.state === 'ready' ? processes.data.items : [];
  const notShown = processes.state === 'ready' ? processes.data.notShown ?? [] : [];
  const processId = params.get('processId') ?? list[0]?.processId ?? '';
  const process = list.find((p) => p.processId === processId);
  const version = Number(params.get('version')) || process?.versions[0]?.version || 0;
  const [state, setState] = useState<InstanceState | ''>('');
  const [element, setElement] = useState<string>();
  const key = `${processId}@${version}`;
  const [overview, reloadOverview] = useLoad(() => (version ? monitorApi.overview(processId, version) : Promise.resolve(undefined)), key);
  const [instances, reloadInstances] = useLoad(() => (processId ? monitorApi.list(processId, version || undefined, state) : Promise.resolve({ items: [], total: 0, offset: 0, limit: 50 })), `${key}/${state}`);
  const pick = (next: { processId?: string; version?: number }) =>
    setParams({ processId: next.processId ?? processId, ...(next.version ? { version: String(next.version) } : {}) });
  const shown = instances.state === 'ready' ? instances.data.items.filter((i) => !element || i.activeElementIds.includes(element)) : [];

  return (
    <section>
      <h1>Monitor</h1>
      {processes.state === 'error' ? <p role="alert">{processes.message}</p> : null}
      {notShown.length ? (
        <div className="govuk-inset-text" data-testid="monitor-not-shown">
          <p>This service runs its processes on Camunda 8. What Camunda 8 does not keep is not shown here:</p>
          <ul className="govuk-list govuk-list--bullet">{notShown.map((n) => <li key={n}>{n}</li>)}</ul>
        </div>
      ) : null}
      <div className="monitor-pickers">
        <label>Process
          <select value={processId} onChange={(e) => pick({ processId: e.target.value })}>
            {list.map((p) => <option key={p.processId} value={p.processId}>{p.name ?? p.processId}</option>)}
          </select>
        </label>
        <label>Version
          <select value={version} onChange={(e) => pick({ version: Number(e.target.value) })}>
            {process?.versions.map((v) => <option key={v.version} value={v.version}>Version {v.version} ({v.activeInstances} running)</option>)}
          </select>
        </label>
        <button type="button" onClick={() => { reloadOverview(); reloadInstances(); }}>Refresh</button>
      </div>
      {overview.state === 'error' ? <p role="alert">{overview.message}</p> : null}
      {overview.state === 'ready' && overview.data ? (
        <>
          <p className="monitor-totals" data-testid="monitor-totals">
            <span>Running: <strong>{overview.data.totals.active}</strong></span>
            <span>With an incident: <strong>{overview.data.totals.incidents}</strong></span>
          </p>
          <Diagram xml={overview.data.xml} counts={overview.data.counts} onSelect={(id) => setElement((cur) => (cur === id ? undefined : id))} />
        </>
      ) : null}
      <h2>Instances{element ? ` at ${element}` : ''}</h2>
      <div className="monitor-pickers" role="group" aria-label="Filter by state">
        {STATES.map((s) => (
          <button key={s.value} type="button" className={state === s.value ? 'govuk-button' : 'govuk-button govuk-button--secondary'} aria-pressed={state === s.value} onClick={() => setState(s.value)}>{s.label}</button>
        ))}
        {element ? <button type="button" onClick={() => setElement(undefined)}>Show all elements</button> : null}
      </div>
      {instances.state === 'error' ? <p role="alert">{instances.message}</p> : null}
      <ScrollRegion label="Instances"><table className="govuk-table monitor-table" aria-label="Instances">
        <thead><tr><th>Instance</th><th>Case</th><th>Version</th><th>State</th><th>Where</th><th>Started</th></tr></thead>
        <tbody>
          {shown.map((i) => (
            <tr key={i.key}>
              <td><Link to={`/monitor/instances/${encodeURIComponent(i.key)}`}>{i.key}</Link></td>
              <td>{i.caseId ?? '—'}</td>
              <td>{i.version}</td>
              <td className={`monitor-state-${i.state}`}>{i.state}</td>
              <td>{i.activeElementIds.join(', ') || '—'}</td>
              <td>{new Date(i.startedAt).toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
      {instances.state === 'ready' && !shown.length ? <p className="muted">No instances match.</p> : null}
      {instances.state === 'ready' && instances.data.total > instances.data.items.length ? (
        <p className="muted">Showing the newest {instances.data.items.length} of {instances.data.total}.</p>
      ) : null}
      {session.can('migrate-instance') && process && version ? (
        <MigrationPanel processId={processId} fromVersion={version} versions={process.versions.map((v) => v.version)} onDone={() => { reloadOverview(); reloadInstances(); }} />
      ) : null}
    </section>
  );
}
