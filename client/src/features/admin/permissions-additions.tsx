// The two things an admin adds on the permissions page besides ticking boxes: a role (its key, which process
// models name as a candidate group, and its name for people) and a case section (a restricted tab: key, name
// and what belongs there). Nothing is saved here: the page sends them with the table when previewing or
// saving, and the server's rails check them.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SectionDefinitionDto } from './permissions-api';

const KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const KEY_HINT = 'Lower-case words joined by hyphens';

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
      {children}
    </div>
  );
}

const described = (id: string, hint: boolean, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function AddRoleForm({ taken, onAdd }: { taken: (key: string) => boolean; onAdd(key: string, label: string): void }) {
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(e: FormEvent) {
    e.preventDefault();
    const k = key.trim();
    const next: Record<string, string> = {};
    if (!KEY.test(k)) next.key = `Enter the role's key: ${KEY_HINT.toLowerCase()}, such as speech-language-workers`;
    else if (taken(k)) next.key = `${k} is already a role`;
    if (!label.trim()) next.label = 'Enter the role\'s name as people will read it, such as Speech and language workers';
    setErrors(next);
    if (Object.keys(next).length) return;
    onAdd(k, label.trim());
    setKey('');
    setLabel('');
  }
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m">Add a role</h2>
      <Field id="new-role-label" label="Name" hint="As people will read it, such as Speech and language workers" error={errors.label}>
        <input className="govuk-input govuk-input--width-20" id="new-role-label" value={label} onChange={(e) => setLabel(e.target.value)} aria-describedby={described('new-role-label', true, errors.label)} />
      </Field>
      <Field id="new-role" label="Key (the candidate group in process models)" hint={`${KEY_HINT}, such as speech-language-workers`} error={errors.key}>
        <input className="govuk-input govuk-input--width-20" id="new-role" value={key} onChange={(e) => setKey(e.target.value)} aria-describedby={described('new-role', true, errors.key)} />
      </Field>
      <button type="submit" className="govuk-button govuk-button--secondary">Add role</button>
    </form>
  );
}

export function AddSectionForm({ taken, onAdd }: { taken: (key: string) => boolean; onAdd(section: SectionDefinitionDto): void }) {
  const [v, setV] = useState<SectionDefinitionDto>({ key: '', label: '', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(e: FormEvent) {
    e.preventDefault();
    const s = { key: v.key.trim(), label: v.label.trim(), description: v.description.trim() };
    const next: Record<string, string> = {};
    if (!s.label) next.label = 'Enter the tab\'s name, such as Speech and language';
    if (!KEY.test(s.key)) next.key = `Enter the section's key: ${KEY_HINT.toLowerCase()}, such as speech-language`;
    else if (taken(s.key)) next.key = `There is already a section called ${s.key}`;
    if (!s.description) next.description = 'Say what belongs in this section, so admins know who should read it';
    setErrors(next);
    if (Object.keys(next).length) return;
    onAdd(s);
    setV({ key: '', label: '', description: '' });
  }
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m">Add a case section</h2>
      <p className="govuk-body">A new tab on every case. Only the roles you tick may read or change it; forms place fields in it with the section's key.</p>
      <Field id="new-section-label" label="Name of the tab" error={errors.label}>
        <input className="govuk-input govuk-input--width-20" id="new-section-label" value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} aria-describedby={described('new-section-label', false, errors.label)} />
      </Field>
      <Field id="new-section-key" label="Key (the section forms name)" hint={`${KEY_HINT}, such as speech-language`} error={errors.key}>
        <input className="govuk-input govuk-input--width-20" id="new-section-key" value={v.key} onChange={(e) => setV({ ...v, key: e.target.value })} aria-describedby={described('new-section-key', true, errors.key)} />
      </Field>
      <Field id="new-section-description" label="What belongs there" error={errors.description}>
        <textarea className="govuk-textarea" id="new-section-description" rows={2} maxLength={300} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} aria-describedby={described('new-section-description', false, errors.description)} />
      </Field>
      <button type="submit" className="govuk-button govuk-button--secondary">Add section</button>
    </form>
  );
}
