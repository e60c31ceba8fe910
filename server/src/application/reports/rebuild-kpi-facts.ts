// Rebuilds the KPI projection from the stored submissions of the forms that feed an indicator, compared
// with what is stored: facts that differ are written, facts whose submission no longer has one are
// removed, and the per-case and per-month summaries the report reads are made again from every fact
// (`recounted`). The counts say how far the live projection had drifted (0 and 0 when they agree). Reads
// in keyset pages; the derived facts are held in memory for the recount (a few hundred bytes each).
import { sameKpiFact, type KpiFact } from '../../domain/reports/kpi-fact';
import { KPI_FORMS } from '../../domain/reports/kpi-sources';
import type { KpiFactRepository } from '../../ports/kpi-fact-repository.port';
import { kpiFactOf, type ProjectKpiFactDeps } from './project-kpi-fact';
import { FACT_PAGE, syncFacts } from './sync-facts';

export interface RebuildKpiOutcome {
  submissions: number; facts: number; written: number; removed: number; differing: string[];
  /** Cases and months whose summaries (what the report reads) differed from the facts' and were made again. */
  recounted: { cases: number; months: string[] };
}

export async function rebuildKpiFacts(
  deps: Omit<ProjectKpiFactDeps, 'facts'> & { facts: Pick<KpiFactRepository, 'get' | 'put' | 'remove' | 'page' | 'recount'> },
  opts: { dryRun?: boolean } = {},
): Promise<RebuildKpiOutcome> {
  let submissions = 0;
  // The summaries are made again from every derived fact, so the facts are held until the recount.
  const all: KpiFact[] = [];
  const forms = Object.keys(KPI_FORMS);
  async function* derived(): AsyncIterable<KpiFact> {
    for (let page = await deps.source.page(forms, undefined, FACT_PAGE); page.length; page = await deps.source.page(forms, page.at(-1)!.id, FACT_PAGE)) {
      for (const s of page) {
        submissions += 1;
        const fact = await kpiFactOf(deps, s);
        if (!fact) continue;
        all.push(fact);
        yield fact;
      }
    }
  }
  const counts = await syncFacts(derived(), deps.facts, sameKpiFact, opts);
  return { submissions, ...counts, recounted: await deps.facts.recount(all, opts) };
}
