// Which processes can be started by hand, and with which start form: the declarations of the latest
// deployed version of each process (domain/cases/start-declaration.ts). A deployed version never changes,
// so its declaration is read once; the list of latest versions is kept for a short while because listing
// deployments counts running instances (a scan of the instances on the embedded database) and the case
// page asks for it on every visit. A start (POST) reads the latest version afresh.
import type { StartDeclaration } from '../../domain/cases/start-declaration';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';

export interface ProcessStartForms {
  /** The declaration of the latest deployed version of a process; undefined when it has none (or no such process). */
  of(processId: string): Promise<StartDeclaration | undefined>;
  /** Every process with a start form, by name. */
  all(): Promise<StartDeclaration[]>;
}

export interface ProcessStartFormsDeps {
  engine: Pick<WorkflowEngine, 'listDeployments' | 'getDeploymentResource'>;
  readStart(xml: string, processId: string): Promise<StartDeclaration | undefined>;
  /** How long the list of latest versions is reused (ms). */
  listTtlMs?: number;
  now?: () => number;
}

export function createProcessStartForms(deps: ProcessStartFormsDeps): ProcessStartForms {
  const now = deps.now ?? Date.now;
  const declarations = new Map<string, Promise<StartDeclaration | undefined>>();
  const declarationOf = (processId: string, version: number) => {
    const key = `${processId}@${version}`;
    let found = declarations.get(key);
    if (!found) {
      found = deps.engine.getDeploymentResource(processId, version).then((xml) => (xml ? deps.readStart(xml, processId) : undefined));
      found.catch(() => declarations.delete(key));
      declarations.set(key, found);
    }
    return found;
  };
  let listed: { at: number; list: Promise<StartDeclaration[]> } | undefined;

  return {
    async of(processId) {
      const [latest] = await deps.engine.listDeployments(processId);
      return latest ? declarationOf(processId, latest.version) : undefined;
    },
    all() {
      if (listed && now() - listed.at < (deps.listTtlMs ?? 30_000)) return listed.list;
      const list = deps.engine.listDeployments().then(async (versions) => {
        const latest = new Map<string, number>();
        for (const v of versions) latest.set(v.processId, Math.max(v.version, latest.get(v.processId) ?? 0));
        const found = await Promise.all([...latest].map(([id, version]) => declarationOf(id, version)));
        return found.filter((d): d is StartDeclaration => !!d).sort((a, b) => a.name.localeCompare(b.name));
      });
      list.catch(() => { listed = undefined; });
      listed = { at: now(), list };
      return list;
    },
  };
}
