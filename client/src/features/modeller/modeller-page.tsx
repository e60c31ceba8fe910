// The modeller (its own lazily loaded chunk): open a deployed version or a new process, edit it with the
// Zeebe properties panel and our pickers, see problems from @camunda/linting and the engine's deploy
// checks, deploy a new version with a comment, and see the versions with their differences.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../auth/api-fetch';
import { useSession } from '../auth/session-context';
import { formsApi } from '../forms/forms-api';
import { useAsync } from '../forms/use-async';
import { timescalesApi } from '../timescales/timescales-api';
import './modeller.css';
import { NEW_PROCESS_XML } from './new-process-template';
import { processesApi, type DeployProblemDto } from './processes-api';
import { collectProblems, ProblemsPanel } from './problems-panel';
import { DecisionFilesField, type DecisionFile } from './decision-files-field';
import { useBpmnModeler } from './use-bpmn-modeler';
import { VersionsPanel } from './versions-panel';
import type { PickerData } from './yjs-pickers-provider';

type Outcome = { kind: 'ok' | 'error'; text: string; details?: string[] };

// Candidate groups are the roles in force (a role added by an admin is offered too), by name and key.
async function loadPickers(roleNames: Record<string, string>): Promise<PickerData> {
  const [forms, timescales] = await Promise.all([formsApi.listForms(), timescalesApi.current()]);
  return {
    forms: forms.map((f) => ({ id: f.formId, label: f.title ?? f.formId })),
    groups: Object.entries(roleNames).map(([id, label]) => ({ id, label })),
    timescales: timescales.timescales.map((t) => ({ id: t.id, label: t.label })),
  };
}

export function ModellerPage() {
  const { processId } = useParams();
  const [search] = useSearchParams();
  const requested = search.get('version') ? Number(search.get('version')) : undefined;
  const [reload, setReload] = useState(0);
  const [versions] = useAsync(() => (processId ? processesApi.versions(processId) : Promise.resolve([])), [processId, reload]);
  const session = useSession();
  const roleNames = session.state.status === 'signed-in' ? (session.state.view.words?.roles ?? {}) : {};
  const [pickers] = useAsync(() => loadPickers(roleNames), [session.state]);
  // Without ?version the latest at opening time is edited; deploying from here keeps the diagram open.
  const [opened, setOpened] = useState<{ processId: string; version: number }>();
  useEffect(() => {
    const newest = versions.state === 'ready' ? versions.data[0] : undefined;
    if (newest && newest.processId === processId && opened?.processId !== processId) setOpened({ processId, version: newest.version });
  }, [versions, processId, opened]);
  const openVersion = requested ?? (opened && opened.processId === processId ? opened.version : undefined);
  const [source] = useAsync(
    () => (!processId ? Promise.resolve(NEW_PROCESS_XML) : openVersion ? processesApi.xml(processId, openVersion) : new Promise<string>(() => undefined)),
    [processId, openVersion],
  );

  const [engineProblems, setEngineProblems] = useState<DeployProblemDto[]>([]);
  const [checking, setChecking] = useState(true);
  const [xml, setXml] = useState<string>();
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const lintRun = useRef(0);
  // DMN files deployed with the process: the engine's checks see them too (a called decision they hold counts as deployed).
  const [decisionFiles, setDecisionFiles] = useState<DecisionFile[]>([]);
  const decisions = useRef<string[]>([]);

  const onChanged = useCallback(async (current: string) => {
    setXml(current);
    setOutcome(undefined);
    const run = ++lintRun.current;
    setChecking(true);
    try {
      const res = await processesApi.lint(current, decisions.current);
      if (run === lintRun.current) setEngineProblems(res.problems);
    } catch (e) {
      if (run === lintRun.current) setEngineProblems([{ resource: 'diagram', message: `The engine's checks could not run: ${(e as Error).message}` }]);
    } finally {
      if (run === lintRun.current) setChecking(false);
    }
  }, []);

  const modeller = useBpmnModeler(source.state === 'ready' ? source.data : undefined, pickers.state === 'ready' ? pickers.data : undefined, onChanged);
  const problems = useMemo(() => collectProblems(modeller.reports, engineProblems), [modeller.reports, engineProblems]);
  const errors = problems.filter((p) => p.severity === 'error');
  useEffect(() => setOutcome(undefined), [processId, openVersion]);

  const chooseDecisions = (files: DecisionFile[]) => {
    setDecisionFiles(files);
    decisions.current = files.map((f) => f.content);
    if (xml) void onChanged(xml); // check the process again with them
  };

  const deploy = async () => {
    if (!xml) return;
    try {
      const deployed = await processesApi.deploy(await modeller.exportXml(), comment, decisions.current);
      setOutcome({
        kind: 'ok',
        text: [
          ...deployed.items.map((d) => (d.isNew ? `Deployed ${d.processId} as version ${d.version}.` : `No changes: ${d.processId} stays at version ${d.version}.`)),
          ...deployed.decisions.map((d) => `${d.isNew ? 'Deployed' : 'No changes:'} decision table ${d.resourceName} (${d.decisionIds.join(', ')}) ${d.isNew ? 'as' : 'stays at'} version ${d.version}.`),
        ].join(' '),
      });
      setComment('');
      // Deployed with it: not offered again (no new check either, which would clear this outcome).
      setDecisionFiles([]);
      decisions.current = [];
      setReload((n) => n + 1);
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as Error).message, details: e instanceof ApiError ? Object.values(e.errors) : [] });
    }
  };

  const loadError = [versions, pickers, source].find((s) => s.state === 'error');
  const title = versions.state === 'ready' && versions.data[0]?.name ? versions.data[0].name : processId;
  return (
    <section className="modeller-page">
      <h1>{processId ? `Modeller: ${title}` : 'New process'}</h1>
      <p>
        <Link to=".." relative="path">All processes</Link>
        {processId && openVersion ? <span className="modeller-hint"> · {processId}, editing from version {openVersion}</span> : null}
      </p>
      {loadError && loadError.state === 'error' ? <p role="alert" className="modeller-error">{loadError.message}</p> : null}
      {modeller.error ? <p role="alert" className="modeller-error">{modeller.error}</p> : null}
      <div className="modeller-layout">
        <div ref={modeller.canvas} className="modeller-canvas" data-testid="modeller-canvas" />
        <div ref={modeller.panel} className="modeller-properties" data-testid="properties-panel" />
      </div>
      <div className="modeller-layout modeller-side">
        <div>
          <ProblemsPanel problems={problems} checking={checking} onSelect={(p) => modeller.select(p.report ?? { elementId: p.elementId })} />
          {processId && versions.state === 'ready' ? <VersionsPanel processId={processId} versions={versions.data} openVersion={openVersion} /> : null}
        </div>
        <div className="modeller-deploy">
          <h2>Deploy</h2>
          <p className="modeller-hint">A new version starts new cases; running cases stay on their version. Identical content keeps the current version.</p>
          <label htmlFor="deploy-comment">What changed and why</label>
          <textarea id="deploy-comment" rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
          <DecisionFilesField files={decisionFiles} onChange={chooseDecisions} />
          <p>
            <button type="button" onClick={deploy} disabled={!xml || checking || errors.length > 0 || !comment.trim()}>Deploy new version</button>
          </p>
          {errors.length ? <p className="modeller-error">Fix the {errors.length} error{errors.length === 1 ? '' : 's'} in Problems before deploying.</p> : null}
          {outcome ? (
            <div role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'modeller-error' : 'modeller-ok'} data-testid="deploy-outcome">
              <p>{outcome.text}</p>
              {outcome.details?.length ? <ul>{outcome.details.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
            </div>
          ) : null}
          {xml ? (
            <p><a href={`data:application/xml;charset=utf-8,${encodeURIComponent(xml)}`} download={`${processId ?? 'new-process'}.bpmn`}>Download the current diagram</a></p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
