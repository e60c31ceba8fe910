// form-js's html, image, table and button components. Nothing here is an answer: html and images show what
// the form author wrote (templated with the answers and process variables), a table shows rows a FEEL
// expression gives, a button submits or resets the form as form-js's does.
import DOMPurify from 'dompurify';
import { useState } from 'react';
import {
  escapeHtml, evaluateFeel, feelToJson, IFRAME_URL, isPlainObject, renderTemplate, STATIC_IMAGE_SOURCE,
  type FeelScope, type FormComponent,
} from '../../../../../server/src/forms-core';

interface ViewProps { component: FormComponent; scope: FeelScope }

// A form's html is part of a practitioner's page: no scripts (DOMPurify), and no form controls or styles that
// could pose as the page's own questions or restyle it.
const PURIFY = { FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe'], FORBID_ATTR: ['style'] };

export function HtmlView({ component, scope }: ViewProps) {
  // Values inserted by templates are escaped first, as form-js does, so an answer cannot add markup.
  const html = DOMPurify.sanitize(renderTemplate(component.content ?? '', scope, { sanitizer: escapeHtml }), PURIFY);
  return <div className="form-html" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function ImageView({ component, scope }: ViewProps) {
  const source = renderTemplate(component.source ?? '', scope, { singleLine: true }).trim();
  const alt = renderTemplate(component.alt ?? '', scope, { singleLine: true });
  // Only pictures inside the form or on this site: anything else would be blocked by the security policy.
  if (!STATIC_IMAGE_SOURCE.test(source)) return <p className="govuk-body form-image-missing">{alt ? `Image not available: ${alt}` : 'Image not available'}</p>;
  return <img className="form-image" src={source} alt={alt} />;
}

/** form-js's iframe as a link: another site is never embedded in a case worker's page (no referrer sent). */
export function IframeView({ component, scope }: ViewProps) {
  const url = renderTemplate(component.url ?? '', scope, { singleLine: true }).trim();
  const label = renderTemplate(component.label ?? '', scope, { singleLine: true }).trim();
  if (!IFRAME_URL.test(url)) return <p className="govuk-body form-iframe-missing">{label ? `Page not available: ${label}` : 'Page not available'}</p>;
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={url} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">{label || url} (opens in new tab)</a>
    </p>
  );
}

interface Column { label: string; key: string }
const isColumn = (c: unknown): c is Column => isPlainObject(c) && typeof c.label === 'string' && typeof c.key === 'string';

function cellText(value: unknown): string {
  const plain = feelToJson(value);
  if (plain === null || plain === undefined) return '';
  return typeof plain === 'object' ? JSON.stringify(plain) : String(plain);
}

export function TableView({ component, scope }: ViewProps) {
  const [page, setPage] = useState(0);
  const computed = component.columnsExpression ? evaluateFeel(component.columnsExpression, scope) : undefined;
  const columns = Array.isArray(computed) && computed.every(isColumn) ? computed : (component.columns ?? []).filter(isColumn);
  const data = component.dataSource ? evaluateFeel(component.dataSource, scope) : undefined;
  const rows = Array.isArray(data) ? data.filter(isPlainObject) : [];
  const size = typeof component.rowCount === 'number' && component.rowCount > 0 ? component.rowCount : rows.length || 1;
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * size, current * size + size);
  const label = renderTemplate(component.label ?? '', scope, { singleLine: true });
  return (
    <div className="form-table">
      <table className="govuk-table">
        {label ? <caption className="govuk-table__caption govuk-table__caption--s">{label}</caption> : null}
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">{columns.map((c) => <th key={c.key} scope="col" className="govuk-table__header">{c.label || c.key}</th>)}</tr>
        </thead>
        <tbody className="govuk-table__body">
          {shown.length === 0 ? (
            <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={Math.max(columns.length, 1)}>Nothing to show</td></tr>
          ) : shown.map((row, i) => (
            <tr key={i} className="govuk-table__row">{columns.map((c) => <td key={c.key} className="govuk-table__cell">{cellText(row[c.key])}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="govuk-button-group" aria-label={`${label || 'Table'} pages`}>
          <button type="button" className="govuk-button govuk-button--secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>Previous page</button>
          <span className="govuk-body" aria-live="polite">{`Page ${current + 1} of ${pages}`}</span>
          <button type="button" className="govuk-button govuk-button--secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>Next page</button>
        </nav>
      ) : null}
    </div>
  );
}

/** form-js's button: submit (the same as the page's own submit) or reset (back to the starting answers). */
export function ButtonView({ component, scope }: ViewProps) {
  const reset = component.action === 'reset';
  const label = renderTemplate(component.label ?? '', scope, { singleLine: true }) || (reset ? 'Reset' : 'Submit');
  return (
    <div className="govuk-form-group">
      <button type={reset ? 'reset' : 'submit'} className={`govuk-button${reset ? ' govuk-button--secondary' : ''}`} disabled={component.disabled === true}>{label}</button>
    </div>
  );
}
