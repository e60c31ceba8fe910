// How a process may be started by hand from a case, as its BPMN declares it: the start form that collects
// its start variables (so nobody types JSON) and the roles that may start it. Read from the deployed
// version (adapters/bpmn/start-form.reader.ts), so a manager changes either in the modeller, not in code.
export interface StartDeclaration {
  processId: string;
  /** The process's name ("Victim contact & restorative justice"). */
  name: string;
  /** The start event's name ("Victim details received from police"). */
  startEventName?: string;
  formId: string;
  /** Roles (candidate groups) that may start it; empty means nobody by hand. */
  startableBy: string[];
}

export const mayStart = (declaration: Pick<StartDeclaration, 'startableBy'>, roles: readonly string[]): boolean =>
  roles.some((r) => declaration.startableBy.includes(r));
