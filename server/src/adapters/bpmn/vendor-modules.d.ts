// bpmn-js-differ ships no types; only the differ adapter uses it.
declare module 'bpmn-js-differ' {
  export interface DiffResult {
    _added: Record<string, any>;
    _removed: Record<string, any>;
    _changed: Record<string, { model: any; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, any>;
  }
  export function diff(a: unknown, b: unknown): DiffResult;
}
