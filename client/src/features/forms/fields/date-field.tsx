// Native date/time pickers: accessible and phone-friendly without a library. A datetime-local value is
// local wall-clock time; the shared schema turns it into a UTC ISO timestamp on submit.
import { useField } from 'formik';
import { labelOf } from '../../../../../server/src/forms-core';
import { FieldShell, useA11y } from '../field-shell';
import type { FieldProps } from '../field-types';

const inputType = { date: 'date', time: 'time', datetime: 'datetime-local' } as const;

/** Shows a stored UTC timestamp in the local wall-clock form datetime-local expects. */
function toLocalInput(value: unknown): string {
  if (typeof value !== 'string' || !/Z|[+-]\d{2}:?\d{2}$/.test(value)) return typeof value === 'string' ? value : '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function DateTimeField({ component: c, name, readOnly }: FieldProps) {
  const [field] = useField(name);
  const subtype = c.subtype ?? 'date';
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  const value = subtype === 'datetime' ? toLocalInput(field.value) : (field.value ?? '');
  const min = c.properties?.minDate && c.properties.minDate !== 'today' ? c.properties.minDate : undefined;
  const max = c.properties?.maxDate && c.properties.maxDate !== 'today' ? c.properties.maxDate : undefined;
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error}>
      <input {...field} {...a11y} value={value} type={inputType[subtype]} readOnly={readOnly} className="govuk-input govuk-input--width-10"
        min={subtype === 'date' ? min : undefined} max={subtype === 'date' ? max : undefined} />
    </FieldShell>
  );
}
