// Rebuilds the KPI projection from the stored submissions of the forms that feed an indicator, compared
// with what is stored: facts that differ are written, facts whose submission no longer has one are
// removed. The counts say how far the live projection had drifted (0 and 0 when they agree). Reads in
// keyset pages, so memory stays bounded by the page and the ids of the derived facts.
import { sameKpiFact, type KpiFact } from '../../domain/reports/kpi-fact';
import { KPI_FORMS } from '../../domain/reports/kpi-sources';
import type { KpiFactRepository } from '../../ports/kpi-fact-repository.port';
import { kpiFactOf, type ProjectKpiFactDeps } from './project-kpi-fact';
import { FACT_PAGE, syncFacts } from './sync-facts';

export interface RebuildKpiOutcome { submissions: number; facts: number; written: number; removed: number; differing: string[] }

export async function rebuildKpiFacts(
  deps: Omit<ProjectKpiFactDeps, 'facts'> & { facts: Pick<KpiFactRepository, 'get' | 'put' | 'remove' | 'page'> },
  opts: { dryRun?: boolean } = {},
): Promise<RebuildKpiOutcome> {
  let submissions = 0;
  const forms = Object.keys(KPI_FORMS);
  async function* derived(): AsyncIterable<KpiFact> {
    for (let page = await deps.source.page(forms, undefined, FACT_PAGE); page.length; page = await deps.source.page(forms, page.at(-1)!.id, FACT_PAGE)) {
      for (const s of page) {
        submissions += 1;
        const fact = await kpiFactOf(deps, s);
        if (fact) yield fact;
      }
    }
  }
  const counts = await syncFacts(derived(), deps.facts, sameKpiFact, opts);
  return { submissions, ...counts };
}
