// The built-in functions of Camunda 8.8's FEEL (feel-scala 1.19, docs.camunda.io "FEEL built-in functions"),
// and the deploy-time check that an expression calls only those (or functions it defines itself). Camunda
// answers an unknown function with null at run time; refusing it at deploy names the mistake before a case
// depends on it.
import { parseExpression } from '@bpmn-io/feelin';
import { camundaFunctions } from './feel-functions';

const CAMUNDA_FEEL_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  conversion: ['string', 'number', 'context', 'date', 'time', 'date and time', 'duration', 'years and months duration'],
  boolean: ['not', 'is defined', 'get or else', 'assert', 'is'],
  string: [
    'substring', 'string length', 'upper case', 'lower case', 'substring before', 'substring after', 'contains',
    'starts with', 'ends with', 'matches', 'replace', 'split', 'extract', 'trim', 'uuid', 'to base64', 'is blank',
  ],
  list: [
    'list contains', 'count', 'min', 'max', 'sum', 'product', 'mean', 'median', 'stddev', 'mode', 'all', 'any', 'sublist', 'append', 'concatenate', 'insert before', 'remove', 'reverse', 'index of', 'union',
    'distinct values', 'duplicate values', 'flatten', 'sort', 'string join', 'is empty', 'partition',
  ],
  numeric: [
    'decimal', 'floor', 'ceiling', 'round up', 'round down', 'round half up', 'round half down', 'abs', 'modulo',
    'sqrt', 'log', 'exp', 'odd', 'even', 'random number',
  ],
  context: ['get value', 'get entries', 'context put', 'context merge'],
  temporal: ['now', 'today', 'day of week', 'day of year', 'week of year', 'month of year', 'last day of month'],
  range: [
    'before', 'after', 'meets', 'met by', 'overlaps', 'overlaps before', 'overlaps after', 'finishes',
    'finished by', 'includes', 'during', 'starts', 'started by', 'coincides',
  ],
  // fromAi: Camunda's AI-agent marker. cycle: Zeebe's timer-cycle helper (timer definitions only).
  miscellaneous: ['fromAi', 'cycle'],
};

const KNOWN = new Set(Object.values(CAMUNDA_FEEL_FUNCTIONS).flat());

/**
 * Multi-word names parse as one name only when the parser knows them: feelin knows its own built-ins, the
 * rest are Camunda's extensions. (`and()`/`or()`, Camunda's aliases of all()/any(), are not offered: as names
 * in the parser's scope they would break `a and b`.)
 */
/** The parse context the engine and the forms use, so `get or else(…)` parses as a call. */
export const FEEL_PARSE_CONTEXT: Record<string, unknown> = camundaFunctions();

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * The names this expression calls that are neither Camunda built-ins nor defined in the expression itself
 * (a context entry or a parameter holding a `function(…)`). Calls on paths (`a.b()`) are left to run time.
 */
export function unknownFeelFunctions(body: string): string[] {
  let tree;
  try {
    tree = parseExpression(body, FEEL_PARSE_CONTEXT, undefined);
  } catch {
    return [];
  }
  const local = new Set<string>();
  const called: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.name === 'Key' || node.name === 'ParameterName') {
        local.add(normalise(body.slice(node.from, node.to).replace(/^"|"$/g, '')));
      }
      if (node.name === 'FunctionInvocation') {
        const target = node.node.firstChild;
        if (target?.name === 'VariableName') called.push(normalise(body.slice(target.from, target.to)));
      }
    },
  });
  return [...new Set(called.filter((name) => !KNOWN.has(name) && !local.has(name)))];
}

