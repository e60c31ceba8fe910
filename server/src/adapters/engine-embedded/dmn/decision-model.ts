// The compiled, engine-neutral form of one DMN file (a decision requirements graph): plain JSON stored with
// the deployment and read by every business rule task that calls one of its decisions. Expressions are kept
// as written (FEEL without a leading `=`, as DMN writes them).

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface TableInput { label?: string; expression: string }

export interface TableOutput {
  /** The output's key in a context result (multiple outputs); a single output's value is the result itself. */
  name: string;
  label?: string;
  /** Output values (the literals, evaluated at deploy), highest priority first: PRIORITY and OUTPUT ORDER sort by them. */
  values?: unknown[];
}

export interface TableRule {
  id: string;
  /** Unary tests, one per input ('' or '-' matches anything). */
  inputEntries: string[];
  /** FEEL expressions, one per output ('' is null). */
  outputEntries: string[];
}

export interface DecisionTableDef {
  kind: 'table';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
}

export interface LiteralDef { kind: 'literal'; expression: string }

export interface DecisionDef {
  id: string;
  name?: string;
  /** Where a decision requiring this one finds its result: the decision's variable name, else its id. */
  resultName: string;
  /** Ids of the decisions this one requires (evaluated first, in this graph). */
  requires: string[];
  logic: DecisionTableDef | LiteralDef;
}

export interface DecisionGraph {
  /** The DMN file's definitions id (Zeebe's decision requirements id). */
  id: string;
  name?: string;
  decisions: Record<string, DecisionDef>;
}
