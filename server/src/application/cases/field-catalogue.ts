// The field-label catalogue of the deployed forms (domain/forms/field-catalogue.ts), kept in memory:
// building it reads every form's latest version, which a case page must not pay for on each view. It is
// rebuilt when a form is deployed — the form repository's deploy count changes — and, for deployments
// another server made (several servers on one MongoDB), at most `maxAgeMs` after them.
import { buildFieldCatalogue, type FieldCatalogue } from '../../domain/forms/field-catalogue';
import { sectionsOfForm } from '../../domain/cases/form-sections';
import type { CaseSection } from '../../domain/cases/case-section';
import type { FormRepository } from '../../ports/form-repository.port';

export interface FieldCatalogueDeps {
  forms: Pick<FormRepository, 'listLatest' | 'getVersion'>;
  /** Changes whenever a form is deployed through this process (MongoFormRepository.deployCount). */
  deployCount?(): number;
  now?(): number;
  maxAgeMs?: number;
}

export interface FormCatalogue {
  fields: FieldCatalogue;
  /** Form id → its title ("Record a referral order"), for sources and the chronology. */
  formTitles: Record<string, string>;
  /** Form id → the case sections its latest version writes (a timeline entry about it reveals them). */
  formSections: Record<string, CaseSection[]>;
}

export interface FieldCatalogueSource {
  get(): Promise<FormCatalogue>;
  /** Drops the kept catalogue (a deploy this process did not see, tests). */
  invalidate(): void;
}

const MAX_AGE_MS = 5 * 60_000;

export function createFieldCatalogue(deps: FieldCatalogueDeps): FieldCatalogueSource {
  const now = deps.now ?? Date.now;
  let kept: { at: number; deploys: number; value: Promise<FormCatalogue> } | undefined;
  const build = async (): Promise<FormCatalogue> => {
    const latest = await deps.forms.listLatest();
    const versions = await Promise.all(latest.map((s) => deps.forms.getVersion(s.formId, s.version)));
    const forms = versions.flatMap((v) => (v ? [{ deployedAt: v.deployedAt, schema: v.schema }] : []));
    const formTitles = Object.fromEntries(latest.map((s) => [s.formId, s.title?.trim() || s.formId]));
    const formSections = Object.fromEntries(versions.flatMap((v) => (v ? [[v.formId, sectionsOfForm(v.schema)]] : [])));
    return { fields: buildFieldCatalogue(forms), formTitles, formSections };
  };
  return {
    get() {
      const deploys = deps.deployCount?.() ?? 0;
      if (!kept || kept.deploys !== deploys || now() - kept.at > (deps.maxAgeMs ?? MAX_AGE_MS)) {
        const value = build();
        const entry = { at: now(), deploys, value };
        kept = entry;
        // A failed build is not kept: the next view tries again.
        value.catch(() => { if (kept === entry) kept = undefined; });
      }
      return kept.value;
    },
    invalidate() {
      kept = undefined;
    },
  };
}
