// Import a school's CSV (GOV.UK file upload pattern): the school's name and the file, checked here for what
// the browser can know (a file chosen, a .csv, under 500 KB) and by the server for the rest. Problems show in
// an error summary linked to the field; a file the server refuses lists every row and column to correct, and
// nothing is stored. Imported, the page says which rows matched a child and why the others did not.
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../auth';
import { usePageTitle } from '../../shell/use-page-title';
import { DocumentsErrorSummary } from '../cases/case-documents-errors';
import { MAX_CSV_BYTES, schoolsApi, type SchoolImportResult } from './schools-api';
import { ImportResults } from './school-import-results';

const IDS = { school: 'school-name', file: 'school-file' };
const fieldOf = (key: string) => (key === 'school' ? IDS.school : IDS.file);

function checkFile(file: File | undefined): string | undefined {
  if (!file) return 'Select a CSV file';
  if (!/\.csv$/i.test(file.name)) return 'The selected file must be a CSV (saved as comma separated values)';
  if (file.size > MAX_CSV_BYTES) return 'The selected file must be smaller than 500 KB';
  if (!file.size) return 'The selected file is empty';
  return undefined;
}

export function SchoolUploadPage() {
  usePageTitle("Import a school's data");
  const [school, setSchool] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SchoolImportResult>();
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const found: Record<string, string> = {};
    if (!school.trim()) found.school = 'Enter the name of the school the file comes from';
    const fileProblem = checkFile(file);
    if (fileProblem) found.file = fileProblem;
    setErrors(found);
    setMessage(undefined);
    if (Object.keys(found).length || !file) return;
    setBusy(true);
    try {
      setResult(await schoolsApi.upload(school.trim(), file.name, await file.text()));
      if (input.current) input.current.value = '';
    } catch (err) {
      setResult(undefined);
      if (err instanceof ApiError && Object.keys(err.errors).length) setErrors(err.errors);
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const fileErrors = Object.entries(errors).filter(([k]) => k !== 'school');
  return (
    <section>
      <h1 className="govuk-heading-l">Import a school's data</h1>
      <DocumentsErrorSummary message={message} errors={errors} idOf={fieldOf} />
      <p className="govuk-body">
        Upload a school's export as a CSV file. Each row is matched to a child by their unique pupil number (UPN) if the service holds it,
        otherwise by name and date of birth. Nothing changes on a child's record until someone in the child's team accepts it.
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Columns the file can have</span></summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Forename, Surname and Date of birth are needed, with at least one of the others. Dates are written 31/01/2026 or 2026-01-31.</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>UPN</li>
            <li>Attendance % (0 to 100)</li>
            <li>Exclusion type (Fixed-term or Permanent), Exclusion start, Exclusion end (one exclusion a row: repeat the pupil for more)</li>
            <li>Free school meals (Yes or No)</li>
            <li>SEN provision (N none, K SEN support, E education, health and care plan)</li>
          </ul>
        </div>
      </details>
      <form onSubmit={submit} noValidate aria-label="Import a school's file">
        <div className={`govuk-form-group${errors.school ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={IDS.school}>School</label>
          {errors.school && <p className="govuk-error-message" id={`${IDS.school}-error`}><span className="govuk-visually-hidden">Error:</span> {errors.school}</p>}
          <input className={`govuk-input govuk-!-width-two-thirds${errors.school ? ' govuk-input--error' : ''}`} id={IDS.school} name="school" type="text"
            value={school} onChange={(e) => setSchool(e.target.value)} maxLength={120} aria-describedby={errors.school ? `${IDS.school}-error` : undefined} />
        </div>
        <div className={`govuk-form-group${fileErrors.length ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={IDS.file}>Upload a file</label>
          <div className="govuk-hint" id={`${IDS.file}-hint`}>A CSV file smaller than 500 KB</div>
          {fileErrors.length > 0 && (
            <p className="govuk-error-message" id={`${IDS.file}-error`}>
              <span className="govuk-visually-hidden">Error:</span> {fileErrors.length === 1 ? fileErrors[0][1] : `The file has ${fileErrors.length} problems, listed above`}
            </p>
          )}
          <input className={`govuk-file-upload${fileErrors.length ? ' govuk-file-upload--error' : ''}`} id={IDS.file} name="file" type="file" accept=".csv,text/csv"
            ref={input} disabled={busy} aria-describedby={`${IDS.file}-hint${fileErrors.length ? ` ${IDS.file}-error` : ''}`} />
        </div>
        <button type="submit" className="govuk-button" disabled={busy}>{busy ? 'Importing…' : 'Import file'}</button>
      </form>
      {result && <ImportResults result={result} />}
      <p className="govuk-body"><Link className="govuk-link" to="/schools/proposals">Review proposals for your teams' children</Link></p>
    </section>
  );
}
