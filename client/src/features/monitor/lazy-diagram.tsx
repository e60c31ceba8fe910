// The diagram component as the pages use it: bpmn-js and its CSS load in their own chunk when first shown.
import { lazy, Suspense } from 'react';
import type { DiagramProps } from './diagram-view';

const LazyDiagram = lazy(() => import('./diagram-view'));

export function Diagram(props: DiagramProps) {
  return (
    <Suspense fallback={<p role="status">Loading the diagram…</p>}>
      <LazyDiagram {...props} />
    </Suspense>
  );
}
