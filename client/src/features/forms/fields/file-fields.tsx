// form-js's filepicker as the GOV.UK file upload component, and its documentPreview as a list of links. A
// chosen file goes up at once through the case's documents upload (limits, type sniffing and audit are the
// documents store's), filed on the field's section; the answer then names it by a document reference. Taking a
// file off the answer does not delete it from the case: documents leave a case only with its retention.
import { getIn, useFormikContext } from 'formik';
import { useState, type ChangeEvent } from 'react';
import {
  acceptsFile, allowsMany, DOCUMENT_STORE_ID, fileNameOf, isPlainObject, labelOf, renderTemplate, type DocumentReference, type FeelScope, type FormComponent,
} from '../../../../../server/src/forms-core';
import { documentsApi } from '../../cases/case-documents-api';
import { FieldShell, useA11y } from '../field-shell';
import type { FieldProps } from '../field-types';
import { useFormFiles } from '../form-files';

const nameOf = (r: unknown) => fileNameOf(r) ?? 'File';

export function FilepickerField({ component, name, readOnly }: FieldProps) {
  const files = useFormFiles();
  const { values, setFieldValue } = useFormikContext<Record<string, unknown>>();
  const { a11y, error } = useA11y(name, component.description, component.validate?.required);
  const [sending, setSending] = useState<{ name: string; percent: number }>();
  const [problem, setProblem] = useState<string>();
  const raw: unknown = getIn(values, name);
  const chosen = Array.isArray(raw) ? raw : [];
  const label = labelOf(component);
  const many = allowsMany(component);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const picked = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after a failure
    if (!files || !picked.length) return;
    setProblem(undefined);
    const refused = picked.find((f) => !acceptsFile(component.accept, f.name, f.type));
    if (refused) return setProblem(`The selected file must be one of: ${component.accept}`);
    const added: DocumentReference[] = [];
    try {
      for (const file of many ? picked : picked.slice(0, 1)) {
        setSending({ name: file.name, percent: 0 });
        const d = await documentsApi.upload(files.caseId, file, { section: files.sectionOf(name), category: 'other', description: `Added with the question “${label}”` },
          (fraction) => setSending({ name: file.name, percent: Math.round(fraction * 100) }));
        added.push({ documentId: d.id, storeId: DOCUMENT_STORE_ID, metadata: { contentType: file.type, fileName: d.name, size: d.size } });
      }
    } catch (e) {
      setProblem((e as { errors?: Record<string, string> }).errors?.file ?? (e as Error).message);
    } finally {
      setSending(undefined);
      if (added.length) await setFieldValue(name, many ? [...chosen, ...added] : added);
    }
  }

  return (
    <FieldShell id={a11y.id} label={label} required={component.validate?.required} description={component.description} error={error ?? problem}>
      {files ? (
        <input type="file" className={`govuk-file-upload${error || problem ? ' govuk-file-upload--error' : ''}`} {...a11y} multiple={many}
          accept={typeof component.accept === 'string' ? component.accept : undefined} disabled={readOnly || Boolean(sending)} onChange={upload} />
      ) : (
        <p className="govuk-body" id={a11y.id} tabIndex={-1}>Files can be added here only in a task about a case.</p>
      )}
      {sending ? (
        <p role="status" className="govuk-body form-file-progress">
          Uploading {sending.name}: {sending.percent}% <progress max={100} value={sending.percent} aria-hidden="true" />
        </p>
      ) : null}
      {chosen.length ? (
        <ul className="govuk-list form-file-list" aria-label={`Files for ${label}`}>
          {chosen.map((r, i) => (
            <li key={isPlainObject(r) ? String(r.documentId) : i}>
              <span className="form-file-name">{nameOf(r)}</span>
              {!readOnly ? (
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                  onClick={() => setFieldValue(name, chosen.filter((_, j) => j !== i))}>
                  Remove<span className="govuk-visually-hidden"> {nameOf(r)}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </FieldShell>
  );
}

/** The documents the server resolved for this preview (only those the reader may open), each a download link. */
export function DocumentPreviewView({ component, scope }: { component: FormComponent; scope: FeelScope }) {
  const files = useFormFiles();
  const title = renderTemplate(String(component.title ?? component.label ?? ''), scope, { singleLine: true });
  const links = (typeof component.dataSource === 'string' && files?.previews?.[component.dataSource]) || [];
  return (
    <section className="form-documents" aria-label={title || 'Documents'}>
      {title ? <h3 className="govuk-heading-s">{title}</h3> : null}
      {links.length ? (
        <ul className="govuk-list">
          {links.map((l) => (
            <li key={l.documentId}><a className="govuk-link" href={l.href} download>{l.name}</a> <span className="govuk-hint govuk-!-display-inline">{l.fileType}, {l.sizeLabel}</span></li>
          ))}
        </ul>
      ) : <p className="govuk-body">No documents to show.</p>}
    </section>
  );
}
