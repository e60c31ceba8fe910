// The pathways a case can be on, in words: the options of the allocation form's "Pathway" field, so a
// council that renames or adds a pathway in its form sees it in the cases list without a code change.
// Kept for a minute: the cases list and the dashboard ask on every request, the form changes rarely.
import type { FormComponent } from '../../forms-core/form.types';
import type { FormRepository } from '../../ports/form-repository.port';

export const PATHWAY_FORM = 'referral-allocation';
const KEPT_MS = 60_000;

export interface PathwayOption { value: string; label: string }

function findOptions(components: readonly FormComponent[] | undefined): PathwayOption[] | undefined {
  for (const c of components ?? []) {
    if (c.key === 'pathway' && Array.isArray(c.values)) return c.values.map((o) => ({ value: String(o.value), label: String(o.label ?? o.value) }));
    const inner = findOptions((c as { components?: FormComponent[] }).components);
    if (inner) return inner;
  }
  return undefined;
}

export type PathwayOptionsSource = () => Promise<PathwayOption[]>;

export function pathwayOptionsFrom(forms: Pick<FormRepository, 'latest'>, now: () => number = Date.now): PathwayOptionsSource {
  let kept: { at: number; value: Promise<PathwayOption[]> } | undefined;
  return () => {
    if (!kept || now() - kept.at > KEPT_MS) {
      const value = forms.latest(PATHWAY_FORM).then((f) => findOptions(f?.schema.components) ?? []);
      kept = { at: now(), value: value.catch((e) => { kept = undefined; throw e; }) };
    }
    return kept.value;
  };
}

/** "Prevention (voluntary)" for "prevention"; an option no longer offered reads as its value spelt out. */
export const pathwayLabel = (options: readonly PathwayOption[], value: string | undefined): string | undefined =>
  value === undefined ? undefined : options.find((o) => o.value === value)?.label ?? value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
