// One instance: where it is and the path it took on its diagram, its incidents, open tasks, variables
// (those of case sections the reader may not read are named, never shown) and timeline, with the actions
// the reader's role allows.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLoad } from '../escalation/use-load';
import { CancelForm, IncidentList, MessageForm } from './instance-actions';
import { MigrationOutcome, MigrationPanel } from './migration-panel';
import { Diagram } from './lazy-diagram';
import { monitorApi, type MigrationResult } from './monitor-api';
import { ScrollRegion } from '../../shell/scroll-region';

export function InstancePage() {
  const key = decodeURIComponent(useParams().key ?? '');
  const [loaded, reload] = useLoad(() => monitorApi.instance(key), key);
  // Kept here, not in the panel: once migrated to the latest version the panel has nowhere to go and vanishes.
  const [lastMigration, setLastMigration] = useState<MigrationResult[]>();
  const [overview] = useLoad(
    () => (loaded.state === 'ready' ? monitorApi.overview(loaded.data.processId, loaded.data.version) : Promise.resolve(undefined)),
    loaded.state === 'ready' ? `${key}@${loaded.data.version}/${loaded.data.timeline.length}` : 'none',
  );
  const detail = loaded.state === 'ready' ? loaded.data : undefined;
  const [processes] = useLoad(() => (detail?.actions.migrate ? monitorApi.processes() : Promise.resolve([])), detail?.actions.migrate ? 'versions' : 'none');
  const versions = processes.state === 'ready' ? processes.data.find((p) => p.processId === detail?.processId)?.versions.map((v) => v.version) ?? [] : [];
  const incidentIds = useMemo(() => detail?.incidents.filter((i) => i.state === 'open').map((i) => i.elementId) ?? [], [detail]);
  if (loaded.state === 'loading') return <p role="status">Loading…</p>;
  if (loaded.state === 'error') return <p role="alert">{loaded.message}</p>;
  const d = loaded.data;

  return (
    <section>
      <p><Link to={`/monitor?processId=${encodeURIComponent(d.processId)}&version=${d.version}`}>← {d.processId} version {d.version}</Link></p>
      <h1>Instance {d.key}</h1>
      <dl className="task-facts">
        <dt>State</dt><dd data-testid="instance-state" className={`monitor-state-${d.state}`}>{d.state}</dd>
        <dt>Process</dt><dd>{d.processId}, version {d.version}</dd>
        <dt>Case</dt><dd>{d.caseId ?? '—'}</dd>
        <dt>Waiting at</dt><dd data-testid="instance-active">{d.activeElementIds.join(', ') || '—'}</dd>
        <dt>Started</dt><dd>{new Date(d.startedAt).toLocaleString('en-GB')}</dd>
      </dl>
      <button type="button" onClick={reload}>Refresh</button>
      {overview.state === 'ready' && overview.data ? <Diagram xml={overview.data.xml} path={d.path} incidentElementIds={incidentIds} /> : null}
      <div className="monitor-panels">
        <IncidentList incidents={d.incidents} canResolve={d.actions.resolve} onChanged={reload} />
        <section aria-labelledby="tasks-title">
          <h2 id="tasks-title">Open tasks</h2>
          {d.openTasks.length ? (
            <ul>{d.openTasks.map((t) => <li key={t.key}><Link to={`/tasks/${encodeURIComponent(t.key)}`}>{t.name}</Link> ({t.assignee ?? t.candidateGroups.join(', ')})</li>)}</ul>
          ) : <p className="muted">None.</p>}
        </section>
        {d.waitingJobs?.length ? (
          <section aria-labelledby="jobs-title">
            <h2 id="jobs-title">Waiting for a worker</h2>
            <ul data-testid="waiting-jobs">{d.waitingJobs.map((j, i) => (
              <li key={`${j.elementId}-${i}`}>{j.elementId}: {j.listener ? `${j.listener} task listener` : j.executionListener ? `${j.executionListener} execution listener` : 'job'}{j.jobType ? ` of type ${j.jobType}` : ''}</li>
            ))}</ul>
          </section>
        ) : null}
        <section aria-labelledby="vars-title">
          <h2 id="vars-title">Variables</h2>
          <dl className="monitor-vars">
            {Object.entries(d.variables).map(([k, v]) => <div key={k} style={{ display: 'contents' }}><dt>{k}</dt><dd><code>{JSON.stringify(v)}</code></dd></div>)}
          </dl>
          {d.withheldVariables.length ? (
            <p data-testid="withheld-variables">Not shown (your role may not read {[...new Set(d.withheldVariables.flatMap((w) => w.sections))].join(', ')}): {d.withheldVariables.map((w) => w.key).join(', ')}</p>
          ) : null}
        </section>
        {d.actions.message ? <MessageForm onSent={reload} /> : null}
        {d.actions.cancel ? <CancelForm instanceKey={d.key} onCancelled={reload} /> : null}
      </div>
      {d.actions.migrate ? <MigrationPanel processId={d.processId} fromVersion={d.version} versions={versions} instanceKey={d.key} onDone={(r) => { setLastMigration(r); reload(); }} /> : null}
      {lastMigration ? (
        <div role="status" aria-label="Last migration">
          <ul>{lastMigration.map((r) => <li key={r.instanceKey}><MigrationOutcome result={r} /></li>)}</ul>
        </div>
      ) : null}
      <h2>Timeline</h2>
      <ScrollRegion label="Timeline"><table className="govuk-table monitor-table" aria-label="Timeline">
        <thead><tr><th>When</th><th>Element</th><th>Type</th><th>Event</th></tr></thead>
        <tbody>
          {[...d.timeline].reverse().map((t, i) => (
            <tr key={i}><td>{new Date(t.at).toLocaleString('en-GB')}</td><td>{t.elementId}</td><td>{t.elementType}</td><td>{t.event}</td></tr>
          ))}
        </tbody>
      </table></ScrollRegion>
    </section>
  );
}
