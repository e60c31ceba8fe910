// Managers design a form in the form-js editor, see it live in OUR renderer (the one practitioners use),
// see the shared checker's problems as they type, and deploy it as a new version with a comment, after
// checking what it changes (deploy-panel.tsx); the form's versions are listed with their comments.
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CASE_SECTIONS } from '../../../../../server/src/domain/policies';
import { checkFormDefinition, COMPONENT_TYPES, type FormDefinition } from '../../../../../server/src/forms-core';
import { usePageTitle } from '../../../shell/use-page-title';
import { formsApi } from '../forms-api';
import { FormRenderer } from '../form-renderer';
import { useAsync } from '../use-async';
import { DeployPanel } from './deploy-panel';
import { FormVersions } from './form-versions';
import { useFormEditor } from './use-form-editor';

const blankForm = (): FormDefinition => ({ id: 'new-form', type: 'default', components: [] });

export function FormDesignerPage() {
  const { formId } = useParams();
  const [loaded] = useAsync(async () => (formId ? (await formsApi.getForm(formId)).schema : blankForm()), [formId]);
  const initial = loaded.state === 'ready' ? loaded.data : undefined;
  const [schema, setSchema] = useState<FormDefinition>();
  const [deploys, setDeploys] = useState(0);
  const title = loaded.state === 'ready' && formId ? `Design form: ${formTitleOf(loaded.data, formId)}` : 'Design a new form';
  usePageTitle(title);
  const [preview, setPreview] = useState<Record<string, unknown>>();
  // The editor also reports "changes" that change nothing (late events after loading, selection): those
  // must not wipe a deploy's outcome the moment it is shown.
  const lastSchema = useRef<string | undefined>(undefined);
  const { canvas, panel, error: editorError } = useFormEditor(initial, (s) => {
    const json = JSON.stringify(s);
    if (json === lastSchema.current) return;
    lastSchema.current = json;
    setSchema(s);
  });
  // The same check the deploy API runs, sections included, so nothing passes here and fails there.
  const problems = useMemo(() => (schema ? checkFormDefinition(schema, { sections: CASE_SECTIONS }) : []), [schema]);

  if (loaded.state === 'error') return <p role="alert" className="govuk-error-message">{loaded.message}</p>;
  return (
    <section className="forms-page">
      <h1>{formId ? `Design form: ${formId}` : 'Design a new form'}</h1>
      <p><Link to={formId ? '../..' : '..'} relative="path">Back to forms</Link></p>
      <p className="govuk-hint">The form id (select the form background in the editor) names the file and links the form to BPMN user tasks.
        Supported components: {COMPONENT_TYPES.join(', ')}; others in the palette are refused at deploy.
        Custom properties: section (case-record tab), sensitivity, patternMessage, minDate / maxDate (YYYY-MM-DD or today).</p>
      {editorError ? <p role="alert" className="govuk-error-message">{editorError}</p> : null}
      <div className="form-designer">
        <div>
          <div ref={canvas} className="form-designer-editor" data-testid="form-editor" />
          <div ref={panel} className="form-designer-panel" />
        </div>
        <div>
          <h2>Problems</h2>
          <div role="status" data-testid="designer-problems">
            {problems.length ? <ul>{problems.map((p, i) => <li key={i} className="govuk-error-message">{p.message}</li>)}</ul> : <p>No problems found.</p>}
          </div>
          <h2>Deploy</h2>
          <DeployPanel schema={schema} disabled={!schema || problems.length > 0} onDeployed={() => setDeploys((n) => n + 1)} />
          <div className="govuk-button-group">
            {schema ? (
              <a className="govuk-button govuk-button--secondary" download={`${schema.id}.form`} href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(schema, null, 2))}`}>
                Download .form file
              </a>
            ) : null}
          </div>
          {schema?.id || formId ? (<><h2>Versions</h2><FormVersions formId={schema?.id ?? formId!} refresh={deploys} /></>) : null}
          <h2>Preview</h2>
          {schema && !problems.length ? (
            <FormRenderer key={JSON.stringify(schema)} form={schema} submitLabel="Try submit" onSubmit={async (value) => setPreview(value)} />
          ) : <p>Fix the problems to see the preview.</p>}
          {preview ? (<><h3>Would be stored</h3><pre data-testid="designer-preview-value">{JSON.stringify(preview, null, 2)}</pre></>) : null}
        </div>
      </div>
    </section>
  );
}

/** The form's title (its first heading) for the page title; its id only when it has none. */
function formTitleOf(schema: FormDefinition, fallback: string): string {
  for (const c of schema.components ?? []) {
    const m = c.type === 'text' && typeof c.text === 'string' ? /^#+\s*(.+)$/m.exec(c.text) : null;
    if (m) return m[1].trim();
  }
  return fallback;
}
