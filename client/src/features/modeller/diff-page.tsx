// Two versions side by side (bpmn-js viewers, in the modeller's chunk) with what the server's diff
// (bpmn-js-differ) found: removed and changed elements marked on the older diagram, added and changed
// ones on the newer, and the same as a list with each changed attribute's old and new value.
/* eslint-disable @typescript-eslint/no-explicit-any */
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAsync } from '../forms/use-async';
import './modeller.css';
import { processesApi, type ProcessDiffDto } from './processes-api';

function useDiagram(xml: string | undefined, markers: Record<string, string[]>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!xml || !ref.current) return;
    const viewer: any = new NavigatedViewer({ container: ref.current });
    let live = true;
    viewer.importXML(xml).then(() => {
      if (!live) return;
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      for (const [cls, ids] of Object.entries(markers)) for (const id of ids) if (registry.get(id)) canvas.addMarker(id, cls);
      canvas.zoom('fit-viewport');
    });
    return () => {
      live = false;
      viewer.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [xml, JSON.stringify(markers)]);
  return ref;
}

const show = (v: unknown) => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
const label = (e: { id: string; name?: string; type: string }) => `${e.name ? `${e.name} ` : ''}(${e.id}, ${e.type.replace('bpmn:', '')})`;

export function DiffPage() {
  const { processId = '' } = useParams();
  const [search] = useSearchParams();
  const from = Number(search.get('from'));
  const to = Number(search.get('to'));
  const [data] = useAsync(async () => {
    const [diff, older, newer] = await Promise.all([processesApi.diff(processId, from, to), processesApi.xml(processId, from), processesApi.xml(processId, to)]);
    return { diff, older, newer };
  }, [processId, from, to]);
  const diff: ProcessDiffDto | undefined = data.state === 'ready' ? data.data.diff : undefined;
  const ids = (list?: { id: string }[]) => (list ?? []).map((e) => e.id);
  const left = useDiagram(data.state === 'ready' ? data.data.older : undefined, { 'diff-removed': ids(diff?.removed), 'diff-changed': ids(diff?.changed) });
  const right = useDiagram(data.state === 'ready' ? data.data.newer : undefined, {
    'diff-added': ids(diff?.added), 'diff-changed': ids(diff?.changed), 'diff-layout-changed': ids(diff?.layoutChanged),
  });

  return (
    <section className="modeller-page">
      <h1>Differences in {processId}: version {from} → version {to}</h1>
      <p><Link to=".." relative="path">Back to the modeller</Link></p>
      {data.state === 'loading' ? <p role="status">Comparing…</p> : null}
      {data.state === 'error' ? <p role="alert" className="modeller-error">{data.message}</p> : null}
      <p className="diff-legend">
        <span className="legend-added">added</span><span className="legend-removed">removed</span>
        <span className="legend-changed">changed</span><span className="legend-layout">moved</span>
      </p>
      <div className="diff-layout">
        <div><h2>Version {from}</h2><div ref={left} className="diff-canvas" data-testid="diff-older" /></div>
        <div><h2>Version {to}</h2><div ref={right} className="diff-canvas" data-testid="diff-newer" /></div>
      </div>
      {diff ? (
        <div data-testid="diff-list">
          <h2>Added ({diff.added.length})</h2>
          <ul>{diff.added.map((e) => <li key={e.id}>{label(e)}</li>)}</ul>
          <h2>Removed ({diff.removed.length})</h2>
          <ul>{diff.removed.map((e) => <li key={e.id}>{label(e)}</li>)}</ul>
          <h2>Changed ({diff.changed.length})</h2>
          <ul>
            {diff.changed.map((e) => (
              <li key={e.id} data-testid={`changed-${e.id}`}>
                {label(e)}
                <ul>{Object.entries(e.attrs).map(([k, c]) => <li key={k}><strong>{k}</strong>: {show(c.oldValue)} → {show(c.newValue)}</li>)}</ul>
              </li>
            ))}
          </ul>
          <h2>Moved ({diff.layoutChanged.length})</h2>
          <ul>{diff.layoutChanged.map((e) => <li key={e.id}>{label(e)}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
