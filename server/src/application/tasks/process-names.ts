// A queue row names its process as the model does ("Referral & intake"), not by its id. A deployed version
// never changes, so its name is read once per version and kept; listing deployments is not cheap on the
// embedded database (it counts running instances), so a queue page must not list them on every request.
import type { WorkflowEngine } from '../../ports/workflow-engine.port';

export type ProcessNameOf = (processId: string, version: number) => Promise<string | undefined>;

export function processNameCache(engine: Pick<WorkflowEngine, 'listDeployments'>): ProcessNameOf {
  const byVersion = new Map<string, string | undefined>();
  const reading = new Map<string, Promise<void>>();
  const read = (processId: string) => {
    let p = reading.get(processId);
    if (!p) {
      p = engine.listDeployments(processId).then(
        (versions) => { for (const v of versions) byVersion.set(`${v.processId}@${v.version}`, v.name?.trim() || undefined); },
        () => undefined, // the row then shows the id; the next page asks again
      ).finally(() => reading.delete(processId));
      reading.set(processId, p);
    }
    return p;
  };
  return async (processId, version) => {
    const key = `${processId}@${version}`;
    if (!byVersion.has(key)) await read(processId);
    return byVersion.get(key);
  };
}

/** The names of a page's processes, by `processId@version`. */
export async function namesOfProcesses(
  nameOf: ProcessNameOf, rows: readonly { processId: string; processVersion: number }[],
): Promise<Map<string, string>> {
  const keys = [...new Map(rows.map((r) => [`${r.processId}@${r.processVersion}`, r])).values()];
  const names = new Map<string, string>();
  await Promise.all(keys.map(async (r) => {
    const name = await nameOf(r.processId, r.processVersion);
    if (name) names.set(`${r.processId}@${r.processVersion}`, name);
  }));
  return names;
}
