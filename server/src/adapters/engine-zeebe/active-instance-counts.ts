// How many instances of each version are running, for the versions lists. Zeebe's search has no grouping,
// so each version is one search (its total); the answers are kept for a few seconds, so a request path that
// lists versions does not search the cluster once per version each time it runs.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { NOW, type ZeebeApi } from './zeebe-client';

export class ActiveInstanceCounts {
  private readonly byKey = new Map<string, { at: number; count: Promise<number> }>();

  constructor(private readonly api: ZeebeApi, private readonly keepMs: number, private readonly now: () => number = Date.now) {}

  async of(definitionKeys: string[]): Promise<Map<string, number>> {
    const counts = await Promise.all(definitionKeys.map(async (key) => [key, await this.count(key)] as const));
    return new Map(counts);
  }

  /** This server started, cancelled or moved instances: the next read asks the cluster. */
  forget(): void { this.byKey.clear(); }

  private count(key: string): Promise<number> {
    const held = this.byKey.get(key);
    if (held && this.now() - held.at < this.keepMs) return held.count;
    const count = (async () => {
      const res: any = await this.api.searchProcessInstances({ filter: { processDefinitionKey: key, state: 'ACTIVE' }, page: { limit: 1 } } as never, NOW);
      return Number(res.page?.totalItems ?? 0);
    })();
    const mine = { at: this.now(), count };
    this.byKey.set(key, mine);
    count.catch(() => { if (this.byKey.get(key) === mine) this.byKey.delete(key); });
    return count;
  }
}
