// A task's answers as a person reads them: each question by its label from the form, each choice by its
// option label (options a process variable supplies included: people by name), dates in the one format,
// ticks as Yes/No, groups and list rows under their own headings. Keys the form does not name (item ids)
// are left out; so are empty answers.
import {
  buildScope, fileNameOf, isGroup, isInput, labelOf, resolveOptions, type FormComponent, type FormDefinition,
} from '../../../../server/src/forms-core';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../shell/format';

export interface AnswersProps {
  form: FormDefinition;
  data: Record<string, unknown>;
  /** Variables the form's options come from (the server's supplied ones, e.g. the team's case managers). */
  variables?: Record<string, unknown>;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** One answer in words. */
export function answerText(c: FormComponent, value: unknown, scope: Record<string, unknown>): string {
  if (c.type === 'checkbox') return value === true ? 'Yes' : 'No';
  // Files by their names (the case's Documents tab holds them).
  if (c.type === 'filepicker' && Array.isArray(value)) return value.map((r) => fileNameOf(r) ?? 'File').join(', ');
  const options = resolveOptions(c, scope);
  const labelOfValue = (v: unknown) => options?.find((o) => String(o.value) === String(v))?.label ?? String(v);
  if (Array.isArray(value)) return value.map(labelOfValue).join(', ');
  if (options) return labelOfValue(value);
  if (c.type === 'datetime' && typeof value === 'string') {
    if (c.subtype === 'time') return value;
    return c.subtype === 'datetime' ? formatDateTime(value) : formatDate(value);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Rows({ components, data, scope }: { components: FormComponent[]; data: Record<string, unknown>; scope: Record<string, unknown> }) {
  const rows: ReactNode[] = [];
  for (const [i, c] of components.entries()) {
    if (!c || typeof c !== 'object') continue;
    if (isInput(c)) {
      const value = c.key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
      if (isEmpty(value)) continue;
      rows.push(<div className="answers-row" key={c.id ?? `${c.key}-${i}`}><dt>{labelOf(c)}</dt><dd>{answerText(c, value, scope)}</dd></div>);
    } else if ((isGroup(c) || c.type === 'dynamiclist') && Array.isArray(c.components)) {
      const inner = c.path ? (data[c.path] as unknown) : data;
      if (c.type === 'dynamiclist' && Array.isArray(inner)) {
        inner.forEach((row, n) => {
          if (row && typeof row === 'object') rows.push(<Section key={`${c.id ?? c.path}-${n}`} title={`${c.label ?? 'Item'} ${n + 1}`} components={c.components!} data={row as Record<string, unknown>} scope={scope} />);
        });
      } else if (inner && typeof inner === 'object') {
        if (c.path && c.label) rows.push(<Section key={c.id ?? c.path} title={c.label} components={c.components} data={inner as Record<string, unknown>} scope={scope} />);
        else rows.push(<Rows key={c.id ?? `group-${i}`} components={c.components} data={inner as Record<string, unknown>} scope={scope} />);
      }
    }
  }
  return <>{rows}</>;
}

function Section({ title, components, data, scope }: { title: string; components: FormComponent[]; data: Record<string, unknown>; scope: Record<string, unknown> }) {
  return (
    <div className="answers-group">
      <dt className="answers-group-title">{title}</dt>
      <dd><dl className="answers-list"><Rows components={components} data={data} scope={scope} /></dl></dd>
    </div>
  );
}

export function AnswersInWords({ form, data, variables }: AnswersProps) {
  const scope = buildScope(variables, data);
  return <dl className="answers-list"><Rows components={form.components} data={data} scope={scope} /></dl>;
}
