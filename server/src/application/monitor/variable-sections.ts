// Process variables carry form answers under the forms' field keys, so a variable belongs to the case
// section its field names (`properties.section`). The map is rebuilt only when a form version changes.
import { sectionOfKeys } from '../../domain/cases/form-sections';
import type { CaseSection } from '../../domain/cases/case-section';
import type { FormRepository } from '../../ports/form-repository.port';

/** Variable key → every section a deployed form places it in (usually one; all must be readable). */
export type VariableSections = ReadonlyMap<string, readonly CaseSection[]>;

export function variableSectionsFromForms(forms: Pick<FormRepository, 'listLatest' | 'getVersion'>): () => Promise<VariableSections> {
  let cached: { stamp: string; map: VariableSections } | undefined;
  return async () => {
    const latest = await forms.listLatest();
    const stamp = latest.map((f) => `${f.formId}@${f.version}`).sort().join(',');
    if (cached?.stamp === stamp) return cached.map;
    const map = new Map<string, CaseSection[]>();
    for (const summary of latest) {
      const form = await forms.getVersion(summary.formId, summary.version);
      if (!form) continue;
      for (const [key, section] of sectionOfKeys(form.schema)) {
        const list = map.get(key) ?? [];
        if (!list.includes(section)) list.push(section);
        map.set(key, list);
      }
    }
    cached = { stamp, map };
    return map;
  };
}
