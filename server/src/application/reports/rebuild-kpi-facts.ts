// Rebuilds the KPI projection from the stored submissions of the forms that feed an indicator, compared
// with what is stored: facts that differ are written, facts whose submission no longer has one are
// removed. The counts say how far the live projection had drifted (0 and 0 when they agree). Reads in
// keyset pages, so memory stays bounded by the page and the ids of the derived facts.
import { sameKpiFact, type KpiFact } from '../../domain/reports/kpi-fact';
import { KPI_FORMS } from '../../domain/reports/kpi-sources';
import type { KpiFactRepository } from '../../ports/kpi-fact-repository.port';
import { kpiFactOf, type ProjectKpiFactDeps } from './project-kpi-fact';

export interface RebuildKpiOutcome { submissions: number; facts: number; written: number; removed: number; differing: string[] }

const PAGE = 500;

export async function rebuildKpiFacts(
  deps: Omit<ProjectKpiFactDeps, 'facts'> & { facts: Pick<KpiFactRepository, 'get' | 'put' | 'remove' | 'page'> },
  opts: { dryRun?: boolean } = {},
): Promise<RebuildKpiOutcome> {
  const out: RebuildKpiOutcome = { submissions: 0, facts: 0, written: 0, removed: 0, differing: [] };
  const note = (id: string) => { if (out.differing.length < 20) out.differing.push(id); };
  const forms = Object.keys(KPI_FORMS);
  const derived = new Set<string>();
  for (let page = await deps.source.page(forms, undefined, PAGE); page.length; page = await deps.source.page(forms, page.at(-1)!.id, PAGE)) {
    for (const s of page) {
      out.submissions += 1;
      const fact = await kpiFactOf(deps, s);
      if (!fact) continue;
      out.facts += 1;
      derived.add(fact.id);
      const stored = await deps.facts.get(fact.id);
      if (stored && sameKpiFact(stored, fact)) continue;
      out.written += 1;
      note(fact.id);
      if (!opts.dryRun) await deps.facts.put(fact);
    }
  }
  const stale: KpiFact[] = [];
  for (let page = await deps.facts.page(undefined, PAGE); page.length; page = await deps.facts.page(page.at(-1)!.id, PAGE)) {
    stale.push(...page.filter((f) => !derived.has(f.id)));
  }
  for (const f of stale) {
    out.removed += 1;
    note(f.id);
    if (!opts.dryRun) await deps.facts.remove(f.id);
  }
  return out;
}
