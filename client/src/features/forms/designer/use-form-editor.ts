// Mounts @bpmn-io/form-js-editor (the same editor as Camunda Modeler, so files stay Camunda-compatible)
// and reports the schema it would save after each change.
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FormDefinition } from '../../../../../server/src/forms-core';

export function useFormEditor(
  initial: FormDefinition | undefined,
  onChange: (schema: FormDefinition) => void,
): { canvas: RefObject<HTMLDivElement | null>; panel: RefObject<HTMLDivElement | null>; error?: string } {
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!initial || !canvas.current) return;
    const editor = new FormEditor({
      container: canvas.current,
      propertiesPanel: { parent: panel.current },
      exporter: { name: 'YJS Workflow designer', version: '1' },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The editor fires "changed" on every keystroke in the properties panel: debounce the re-check.
    editor.on('changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => changed.current(editor.saveSchema() as FormDefinition), 250);
    });
    editor.importSchema(JSON.parse(JSON.stringify(initial))).then(
      () => changed.current(editor.saveSchema() as FormDefinition),
      // The editor refuses schemas it cannot parse (e.g. components not an array): say so instead of a blank canvas.
      (e: Error) => setError(`The editor could not open this form: ${e.message}`),
    );
    return () => {
      clearTimeout(timer);
      editor.destroy();
    };
  }, [initial]);

  return { canvas, panel, error };
}
