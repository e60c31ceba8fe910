// The Camunda 8 modelling packages ship no types for the entry points the modeller uses.
declare module '@camunda/linting' {
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform'; plugins?: unknown[] });
    lint(contents: string | object): Promise<any[]>;
  }
}
declare module '@camunda/linting/modeler' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const ZeebePropertiesProviderModule: Record<string, unknown>;
  export function useService(name: string): any;
}
declare module '@bpmn-io/properties-panel' {
  export function SelectEntry(props: Record<string, unknown>): any;
  export function isSelectEntryEdited(node: unknown): boolean;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: Record<string, unknown>;
  export default module;
}
