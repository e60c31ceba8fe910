// The read-only diagram (bpmn-js NavigatedViewer: pan and zoom). Loaded lazily with its CSS, so pages
// that never show a diagram do not pay for bpmn-js. Counts become badges on elements; an instance's
// path (completed elements, taken flows), its active elements and incidents become markers.
/* eslint-disable @typescript-eslint/no-explicit-any */
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import './diagram-view.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';

export interface DiagramProps {
  xml: string;
  counts?: { elementId: string; active: number; incidents: number }[];
  path?: { completedElementIds: string[]; takenFlowIds: string[]; activeElementIds: string[] };
  incidentElementIds?: string[];
  onSelect?(elementId: string): void;
}

export default function DiagramView({ xml, counts, path, incidentElementIds, onSelect }: DiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const viewer: any = new NavigatedViewer({ container: container.current });
    let live = true;
    viewer.importXML(xml).then(() => {
      if (!live) return;
      const canvas = viewer.get('canvas');
      const overlays = viewer.get('overlays');
      const registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      const mark = (ids: string[] | undefined, marker: string) => ids?.forEach((id) => registry.get(id) && canvas.addMarker(id, marker));
      mark(path?.completedElementIds, 'monitor-completed');
      mark(path?.takenFlowIds, 'monitor-taken');
      mark(path?.activeElementIds, 'monitor-active');
      mark(incidentElementIds, 'monitor-incident');
      for (const c of counts ?? []) {
        if (!registry.get(c.elementId)) continue;
        overlays.add(c.elementId, { position: { bottom: 12, left: -8 }, html: badge(`count-${c.elementId}`, String(c.active), `${c.active} running`, 'monitor-badge') });
        if (c.incidents) {
          overlays.add(c.elementId, { position: { bottom: 12, right: 8 }, html: badge(`incidents-${c.elementId}`, String(c.incidents), `${c.incidents} with an incident`, 'monitor-badge monitor-badge-incident') });
        }
        canvas.addMarker(c.elementId, c.incidents ? 'monitor-incident' : 'monitor-active');
      }
      viewer.on('element.click', (e: any) => select.current?.(e.element.id));
    }, (e: Error) => live && setError(`The diagram could not be drawn: ${e.message}`));
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [xml, counts, path, incidentElementIds]);

  return (
    <figure className="monitor-diagram">
      <div ref={container} className="monitor-canvas" data-testid="monitor-diagram" />
      {error ? <p role="alert">{error}</p> : null}
    </figure>
  );
}

function badge(testId: string, text: string, title: string, className: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.dataset.testid = testId;
  el.title = title;
  el.textContent = text;
  return el;
}
