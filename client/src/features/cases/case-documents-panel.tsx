// Documents filed on a case: the case page's Documents tab (every section the reader may see, grouped by
// section) or one section's documents. The list gives name, type, size, who added it and when (by name)
// with a download link each; for roles that may write a section, the GOV.UK file upload pattern: the
// section, one file input with the allowed types and size limit as hint, the type of document, an
// optional description, an error summary linking to each field, and the upload's progress while it is
// sent. Checked here first so a person is not kept waiting for an answer the browser already knows; the
// server checks again.
import { useRef, useState, type FormEvent } from 'react';
import { useAsync } from '../forms/use-async';
import { formatDateTime } from '../../shell/format';
import { ApiError, useSectionName } from '../auth';
import { DOCUMENT_CATEGORIES, documentsApi, type DocumentDto, type DocumentListDto } from './case-documents-api';
import { DocumentsErrorSummary } from './case-documents-errors';
import '../forms/forms.css';
import './case-documents.css';

interface Props {
  caseId: string;
  /** One section's documents, uploads going to it; without it, every readable section's. */
  section?: string;
  /** A break-glass reason the case was opened with (read only then). */
  reason?: string;
}

export function CaseDocumentsPanel({ caseId, section, reason }: Props) {
  const sectionLabel = useSectionName();
  const [version, setVersion] = useState(0);
  const [loaded] = useAsync(() => documentsApi.list(caseId, section, reason), [caseId, section, reason, version]);
  const [added, setAdded] = useState<DocumentDto>();
  const headingId = `documents-${section ?? 'all'}`;
  const title = section ? `${sectionLabel(section)} documents` : 'Documents';

  return (
    <section className="case-documents" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {added && <p className="case-documents__added" role="status">{added.name} has been uploaded.</p>}
      {loaded.state === 'loading' && <p role="status">Loading documents…</p>}
      {loaded.state === 'error' && <p role="alert">{loaded.message}</p>}
      {loaded.state === 'ready' && (
        <>
          {section ? <DocumentList caseId={caseId} reason={reason} documents={loaded.data.documents} /> : <BySection caseId={caseId} reason={reason} list={loaded.data} />}
          {(section ? loaded.data.writableSections.includes(section) : loaded.data.writableSections.length > 0) && (
            <UploadForm caseId={caseId} section={section} list={loaded.data} onUploaded={(d) => { setAdded(d); setVersion((v) => v + 1); }} />
          )}
        </>
      )}
    </section>
  );
}

function BySection({ caseId, reason, list }: { caseId: string; reason?: string; list: DocumentListDto }) {
  const sectionLabel = useSectionName();
  const sections = [...new Set(list.documents.map((d) => d.section))];
  const withheld = list.withheld > 0 && (
    <p className="muted">{list.withheld === 1 ? '1 document' : `${list.withheld} documents`} in sections your role cannot see {list.withheld === 1 ? 'is' : 'are'} not shown.</p>
  );
  if (!sections.length) return <><p className="muted">No documents have been added to this case.</p>{withheld}</>;
  return (
    <>
      {sections.map((s) => (
        <div key={s}>
          <h3>{sectionLabel(s)}</h3>
          <DocumentList caseId={caseId} reason={reason} documents={list.documents.filter((d) => d.section === s)} />
        </div>
      ))}
      {withheld}
    </>
  );
}

function DocumentList({ caseId, reason, documents }: { caseId: string; reason?: string; documents: DocumentDto[] }) {
  if (!documents.length) return <p className="muted">No documents have been added to this section.</p>;
  return (
    <ul className="case-documents__list">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={documentsApi.contentUrl(caseId, d.id, reason)} download={d.name}>
            {d.name}<span className="visually-hidden"> (download, {d.fileType}, {d.sizeLabel})</span>
          </a>
          <p className="case-documents__meta">
            {d.categoryLabel} · {d.fileType}, {d.sizeLabel} · added by {d.uploadedBy} on {formatDateTime(d.uploadedAt)}
          </p>
          {d.description && <p className="case-documents__description">{d.description}</p>}
        </li>
      ))}
    </ul>
  );
}

type Errors = Record<string, string>;

function UploadForm({ caseId, section: fixed, list, onUploaded }: { caseId: string; section?: string; list: DocumentListDto; onUploaded(d: DocumentDto): void }) {
  const sectionLabel = useSectionName();
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState(list.writableSections.length === 1 ? list.writableSections[0] : '');
  const section = fixed ?? chosen;
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const at = fixed ?? 'all';
  const ids = { section: `document-section-${at}`, file: `document-file-${at}`, category: `document-category-${at}`, description: `document-description-${at}` };
  const { limits } = list;

  function check(file: File | undefined): Errors {
    const found: Errors = {};
    if (!section) found.section = 'Select the section of the record the document belongs to';
    const extensions = limits.accept.split(',');
    if (!file) found.file = 'Select a file';
    else if (!extensions.some((e) => file.name.toLowerCase().endsWith(e))) found.file = `The selected file must be a ${limits.kinds}`;
    else if (file.size > limits.maxBytes) found.file = `The file must be smaller than ${limits.maxSize}`;
    else if (file.size === 0) found.file = 'The selected file is empty';
    if (!category) found.category = 'Select the type of document';
    if (description.length > 500) found.description = 'Description must be 500 characters or fewer';
    return found;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    const found = check(file);
    setErrors(found);
    setMessage(undefined);
    if (Object.keys(found).length || !file) return;
    setProgress(0);
    try {
      const stored = await documentsApi.upload(caseId, file, { section, category, description: description.trim() || undefined }, setProgress);
      if (fileInput.current) fileInput.current.value = '';
      setCategory('');
      setDescription('');
      if (!fixed && list.writableSections.length > 1) setChosen('');
      onUploaded(stored);
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? err.errors : {};
      const known = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k in ids));
      setErrors(known);
      if (!Object.keys(known).length) setMessage((err as Error).message);
    } finally {
      setProgress(undefined);
    }
  }

  const uploading = progress !== undefined;
  const groupClass = (field: string) => `govuk-form-group${errors[field] ? ' govuk-form-group--error' : ''}`;
  return (
    <form className="case-documents__upload" onSubmit={submit} noValidate aria-busy={uploading}>
      <h3>Add a document</h3>
      <DocumentsErrorSummary message={message} errors={errors} idOf={(f) => ids[f as keyof typeof ids] ?? ids.file} />
      {!fixed && (
        <div className={groupClass('section')}>
          <label className="govuk-label govuk-label--s" htmlFor={ids.section}>Section of the record</label>
          <p className="govuk-hint" id={`${ids.section}-hint`}>Who may see the document follows the section: a Health document only for those who read Health.</p>
          {errors.section && <p className="govuk-error-message" id={`${ids.section}-error`}><span className="visually-hidden">Error: </span>{errors.section}</p>}
          <select
            className="govuk-select" id={ids.section} value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={uploading}
            aria-invalid={!!errors.section} aria-describedby={`${ids.section}-hint${errors.section ? ` ${ids.section}-error` : ''}`}
          >
            <option value="">Choose a section</option>
            {list.writableSections.map((s) => <option key={s} value={s}>{sectionLabel(s)}</option>)}
          </select>
        </div>
      )}
      <div className={groupClass('file')}>
        <label className="govuk-label govuk-label--s" htmlFor={ids.file}>Upload a file</label>
        <p className="govuk-hint" id={`${ids.file}-hint`}>{limits.kinds}, smaller than {limits.maxSize}</p>
        {errors.file && <p className="govuk-error-message" id={`${ids.file}-error`}><span className="visually-hidden">Error: </span>{errors.file}</p>}
        <input
          className="govuk-file-upload" id={ids.file} name="file" type="file" accept={limits.accept} ref={fileInput} disabled={uploading}
          aria-describedby={`${ids.file}-hint${errors.file ? ` ${ids.file}-error` : ''}`} aria-invalid={!!errors.file}
        />
      </div>
      <div className={groupClass('category')}>
        <label className="govuk-label govuk-label--s" htmlFor={ids.category}>Type of document</label>
        {errors.category && <p className="govuk-error-message" id={`${ids.category}-error`}><span className="visually-hidden">Error: </span>{errors.category}</p>}
        <select
          className="govuk-select" id={ids.category} value={category} onChange={(e) => setCategory(e.target.value)} disabled={uploading}
          aria-invalid={!!errors.category} aria-describedby={errors.category ? `${ids.category}-error` : undefined}
        >
          <option value="">Choose a type</option>
          {DOCUMENT_CATEGORIES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      <div className={groupClass('description')}>
        <label className="govuk-label govuk-label--s" htmlFor={ids.description}>Description (optional)</label>
        {errors.description && <p className="govuk-error-message" id={`${ids.description}-error`}><span className="visually-hidden">Error: </span>{errors.description}</p>}
        <textarea
          className="govuk-textarea" id={ids.description} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} disabled={uploading}
          aria-invalid={!!errors.description} aria-describedby={errors.description ? `${ids.description}-error` : undefined}
        />
      </div>
      {uploading && (
        <p className="case-documents__progress" role="status">
          Uploading… {Math.round((progress ?? 0) * 100)}%
          <progress max={1} value={progress} aria-label="Upload progress" />
        </p>
      )}
      <button className="govuk-button" type="submit" disabled={uploading}>{uploading ? 'Uploading…' : 'Upload file'}</button>
    </form>
  );
}
