// The step both projection rebuilds share: compare the facts derived from the source with those stored,
// write the ones missing or different, remove the stored ones the source no longer supports (a task
// cancelled while the update failed, an erased case). Stored facts are read in keyset pages, so memory is
// bounded by the page and the ids of the derived facts.
export interface FactStore<F extends { id: string }> {
  get(id: string): Promise<F | undefined>;
  put(fact: F): Promise<void>;
  remove(id: string): Promise<void>;
  page(afterId: string | undefined, limit: number): Promise<F[]>;
}

export interface SyncCounts { facts: number; written: number; removed: number; differing: string[] }

export const FACT_PAGE = 500;

export async function syncFacts<F extends { id: string }>(
  derivedFacts: AsyncIterable<F>,
  store: FactStore<F>,
  same: (a: F, b: F) => boolean,
  opts: { dryRun?: boolean } = {},
): Promise<SyncCounts> {
  const out: SyncCounts = { facts: 0, written: 0, removed: 0, differing: [] };
  // Ids of the facts that differed, at most 20, for the log and the tests.
  const note = (id: string) => { if (out.differing.length < 20) out.differing.push(id); };
  const derived = new Set<string>();
  for await (const fact of derivedFacts) {
    out.facts += 1;
    derived.add(fact.id);
    const stored = await store.get(fact.id);
    if (stored && same(stored, fact)) continue;
    out.written += 1;
    note(fact.id);
    if (!opts.dryRun) await store.put(fact);
  }
  const stale: F[] = [];
  for (let page = await store.page(undefined, FACT_PAGE); page.length; page = await store.page(page.at(-1)!.id, FACT_PAGE)) {
    stale.push(...page.filter((f) => !derived.has(f.id)));
  }
  for (const f of stale) {
    out.removed += 1;
    note(f.id);
    if (!opts.dryRun) await store.remove(f.id);
  }
  return out;
}
