// The input for one field of a case section, by the field's form type: a date input for dates, a list of
// the options (or checkboxes for a multi-choice), Yes/No for a checkbox, a number, text. `toValue` turns
// what was entered into the value the form itself would store (an empty entry clears the value).
import type { CatalogueFieldDto } from './cases-api';

export function toValue(field: CatalogueFieldDto, raw: string | string[]): unknown {
  if (Array.isArray(raw)) return raw.length ? raw : undefined;
  const text = raw.trim();
  if (!text) return undefined;
  if (field.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.type === 'checkbox') return text === 'yes';
  return field.type === 'textarea' ? raw : text;
}

const isDateTime = (f: CatalogueFieldDto) => f.type === 'datetime' && (f.component.subtype as string | undefined) === 'datetime';

interface Props {
  id: string;
  field: CatalogueFieldDto;
  value: string | string[];
  error?: string;
  onChange(v: string | string[]): void;
}

export function TypedInput({ id, field, value, error, onChange }: Props) {
  const describedBy = error ? `${id}-error` : undefined;
  const text = Array.isArray(value) ? '' : value;
  const multi = field.type === 'checklist' || field.type === 'taglist';
  const options = field.options ?? [];
  let input;
  if (multi && options.length) {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={id} aria-describedby={describedBy}>
        <legend>New value: {field.label}</legend>
        {error && <p className="govuk-error-message" id={`${id}-error`}>{error}</p>}
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (options.length || field.type === 'checkbox') {
    const list = field.type === 'checkbox' ? [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] : options;
    input = (
      <select id={id} value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
        <option value="">None (clears the value)</option>
        {list.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
      </select>
    );
  } else if (field.type === 'textarea') {
    input = <textarea id={id} value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} rows={3} />;
  } else {
    const type = field.type === 'number' ? 'number' : field.type === 'datetime' ? (isDateTime(field) ? 'datetime-local' : 'date') : 'text';
    input = <input id={id} type={type} value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} inputMode={type === 'number' ? 'decimal' : undefined} />;
  }
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label htmlFor={id}>New value: {field.label} <span className="muted">(leave empty to clear it)</span></label>
      {error && <p className="govuk-error-message" id={`${id}-error`}>{error}</p>}
      {input}
    </div>
  );
}
