// What the adapter knows of the cluster's process definitions: the versions (one paged search, kept for a
// while and asked again at once after this server deploys), each version's BPMN (fetched once: a deployed
// version never changes) and, read from it, what Zeebe's job and task records do not carry — each user
// task's name, linked form and headers. So request paths never search the cluster per version.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { extensionsOf, flowElements, processesOf, readDefinitions, taskHeadersOf } from '../bpmn/bpmn-elements';
import { keptRead, type KeptRead } from './kept-read';
import { NOW, type ZeebeApi } from './zeebe-client';

export interface ElementInfo { name?: string; formId?: string; headers: Record<string, string> }
export type DefinitionInfo = Map<string, ElementInfo>;
export interface DefinitionRow { key: string; processId: string; version: number; name?: string; resourceName: string }

const PAGE = 1000;
/** Versions whose BPMN is kept in memory (most recently used first out last); a version is ~10–100 kB. */
const XML_KEPT = 200;

export async function readDefinitionInfo(xml: string, processId: string): Promise<DefinitionInfo> {
  const [process] = processesOf(await readDefinitions(xml), processId);
  const info: DefinitionInfo = new Map();
  for (const el of flowElements(process)) {
    const formId = extensionsOf(el, 'zeebe:FormDefinition')[0]?.formId;
    info.set(el.id, { ...(typeof el.name === 'string' && el.name ? { name: el.name } : {}), ...(formId ? { formId } : {}), headers: taskHeadersOf(el) });
  }
  return info;
}

export class ProcessDefinitions {
  private readonly listing: KeptRead<DefinitionRow[]>;
  private readonly xmlByKey = new Map<string, Promise<string>>();
  private readonly infoByKey = new Map<string, Promise<DefinitionInfo>>();

  constructor(private readonly api: ZeebeApi, keepMs = 30_000) {
    this.listing = keptRead(keepMs, () => this.search());
  }

  /** Every version in the cluster, newest version first per process. */
  all(): Promise<DefinitionRow[]> { return this.listing.get(); }

  /** This server deployed: the next read asks the cluster. */
  forget(): void { this.listing.forget(); }

  /** The key of a version; a version not listed is looked for once more when the listing is over a second old (another server may have deployed it). */
  async key(processId: string, version: number): Promise<string | undefined> {
    const find = (rows: DefinitionRow[]) => rows.find((r) => r.processId === processId && r.version === version)?.key;
    const found = find(await this.all());
    if (found || this.listing.age() < 1000) return found;
    this.forget();
    return find(await this.all());
  }

  /** The BPMN of a version as the cluster has it (what the adapter sent). */
  xml(definitionKey: string): Promise<string> {
    return this.remember(this.xmlByKey, definitionKey, async () => String(await this.api.getProcessDefinitionXml({ processDefinitionKey: definitionKey } as never, NOW)));
  }

  /** Deploy already holds the XML: no need to read it back. */
  prime(definitionKey: string, xml: string, processId: string): void {
    this.remember(this.xmlByKey, definitionKey, async () => xml);
    this.remember(this.infoByKey, definitionKey, () => readDefinitionInfo(xml, processId));
  }

  async element(definitionKey: string, processId: string, elementId: string): Promise<ElementInfo> {
    const info = await this.remember(this.infoByKey, definitionKey, async () => readDefinitionInfo(await this.xml(definitionKey), processId));
    return info.get(elementId) ?? { headers: {} };
  }

  /** Kept by key, most recently used last, the oldest let go beyond XML_KEPT; a failed read is tried again next time. */
  private remember<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let value = map.get(key);
    if (value) map.delete(key);
    else {
      value = load();
      value.catch(() => { if (map.get(key) === value) map.delete(key); });
    }
    map.set(key, value);
    if (map.size > XML_KEPT) map.delete(map.keys().next().value as string);
    return value;
  }

  private async search(): Promise<DefinitionRow[]> {
    const rows: DefinitionRow[] = [];
    for (let from = 0; ; from += PAGE) {
      const res: any = await this.api.searchProcessDefinitions({ sort: [{ field: 'version', order: 'DESC' }], page: { from, limit: PAGE } } as never, NOW);
      const items: any[] = res.items ?? [];
      rows.push(...items.map((p) => ({
        key: String(p.processDefinitionKey), processId: String(p.processDefinitionId), version: Number(p.version),
        ...(p.name ? { name: String(p.name) } : {}), resourceName: String(p.resourceName ?? ''),
      })));
      if (items.length < PAGE) break;
    }
    return rows.sort((a, b) => a.processId.localeCompare(b.processId) || b.version - a.version);
  }
}
