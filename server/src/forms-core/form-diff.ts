// What a new version of a form changes, in words a manager reads before deploying it (as the process
// modeller shows a diff): fields added, removed and changed, each named by its label, never its key. Fields
// are matched by their data path (the key is what stored answers hang on), so a relabelled field is one
// field changed, while a renamed key is one removed and one added — which is what it does to the data.
import { labelOf, normaliseOptions, ownSegments, isInput } from './form-tree';
import type { FormComponent, FormDefinition } from './form.types';

export interface FormFieldChange { label: string; changes: string[] }
export interface FormDiff { added: string[]; removed: string[]; changed: FormFieldChange[] }

const TYPE_WORDS: Record<string, string> = {
  textfield: 'text', textarea: 'long text', number: 'number', datetime: 'date', checkbox: 'checkbox',
  checklist: 'checklist', radio: 'radio buttons', select: 'drop-down list', taglist: 'tag list', expression: 'computed value',
};
const typeWords = (t: string) => TYPE_WORDS[t] ?? t;

interface Field { path: string; label: string; c: FormComponent; section?: string }

function fieldsOf(form: FormDefinition | undefined): Map<string, Field> {
  const out = new Map<string, Field>();
  const visit = (components: FormComponent[] | undefined, base: string[], section: string | undefined, within: string | undefined) => {
    for (const c of components ?? []) {
      const segments = [...base, ...ownSegments(c)];
      const ownSection = (c.properties?.section as string | undefined) ?? section;
      if (isInput(c)) {
        const label = within ? `${labelOf(c)} (in ${within})` : labelOf(c);
        out.set(segments.join('.'), { path: segments.join('.'), label, c, section: ownSection });
      } else if (Array.isArray(c.components)) {
        const groupLabel = typeof c.label === 'string' && c.label.trim() ? c.label.trim() : within;
        visit(c.components, c.type === 'dynamiclist' ? [...segments, '[]'] : segments, ownSection, groupLabel);
      }
    }
  };
  visit(form?.components, [], undefined, undefined);
  return out;
}

const quoted = (s: string) => `“${s}”`;

function optionChanges(before: FormComponent, after: FormComponent): string[] {
  const a = new Map((normaliseOptions(before.values) ?? []).map((o) => [String(o.value), String(o.label ?? o.value)]));
  const b = new Map((normaliseOptions(after.values) ?? []).map((o) => [String(o.value), String(o.label ?? o.value)]));
  const out: string[] = [];
  const added = [...b].filter(([v]) => !a.has(v)).map(([, l]) => quoted(l));
  const removed = [...a].filter(([v]) => !b.has(v)).map(([, l]) => quoted(l));
  if (added.length) out.push(`options added: ${added.join(', ')}`);
  if (removed.length) out.push(`options removed: ${removed.join(', ')}`);
  for (const [v, l] of b) if (a.has(v) && a.get(v) !== l) out.push(`option ${quoted(a.get(v)!)} now reads ${quoted(l)}`);
  return out;
}

function fieldChanges(before: Field, after: Field): string[] {
  const out: string[] = [];
  const [x, y] = [before.c, after.c];
  if (labelOf(x) !== labelOf(y)) out.push(`label ${quoted(labelOf(x))} → ${quoted(labelOf(y))}`);
  if (x.type !== y.type) out.push(`type ${typeWords(x.type)} → ${typeWords(y.type)}`);
  const [rx, ry] = [Boolean(x.validate?.required), Boolean(y.validate?.required)];
  if (rx !== ry) out.push(ry ? 'now required' : 'no longer required');
  if ((x.description ?? '') !== (y.description ?? '')) out.push('hint text changed');
  if (x.type === 'expression' && y.type === 'expression' && x.expression !== y.expression) out.push('how it is computed changed');
  if ((x.conditional?.hide ?? '') !== (y.conditional?.hide ?? '')) out.push(y.conditional?.hide ? (x.conditional?.hide ? 'when it is hidden changed' : 'now hidden in some answers') : 'now always shown');
  if ((before.section ?? '') !== (after.section ?? '')) out.push(`case section ${before.section ?? 'none'} → ${after.section ?? 'none'}`);
  if (JSON.stringify(x.validate ?? {}) !== JSON.stringify(y.validate ?? {}) && rx === ry) out.push('validation rules changed');
  out.push(...optionChanges(x, y));
  return out;
}

/** The differences between the deployed version (undefined for a new form) and the one about to be deployed. */
export function diffFormDefinitions(deployed: FormDefinition | undefined, next: FormDefinition): FormDiff {
  const before = fieldsOf(deployed);
  const after = fieldsOf(next);
  return {
    added: [...after].filter(([p]) => !before.has(p)).map(([, f]) => f.label),
    removed: [...before].filter(([p]) => !after.has(p)).map(([, f]) => f.label),
    changed: [...after].flatMap(([p, f]) => {
      const old = before.get(p);
      const changes = old ? fieldChanges(old, f) : [];
      return changes.length ? [{ label: f.label, changes }] : [];
    }),
  };
}
