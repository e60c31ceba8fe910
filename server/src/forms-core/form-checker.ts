// Checks a form definition before it is deployed or rendered. Problems are returned as data (never
// thrown) so the designer and the deploy API can show every message at once, each naming the component.
import { checkCollections } from './form-collections-check';
import { checkDisplay } from './form-display-check';
import { FEEL_VALIDATE_NUMBERS, isFeelValue } from './form-resolve';
import { checkSectionsPerKey } from './form-sections-check';
import { checkExpressionSections } from './form-expression-sections';
import { feelSyntaxError } from './form-conditions';
import { dateBound } from './form-dates';
import { hasOptions, isContainer, isInput, isPlainObject, normaliseOptions, walkComponents } from './form-tree';
import { isReservedKey, reservedKeyMessage } from './reserved-keys';
import { COMPONENT_TYPES, UNSUPPORTED_FORM_JS_TYPES, type FormComponent, type FormDefinitionProblem } from './form.types';

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATETIME_SUBTYPES = ['date', 'time', 'datetime'];
const VALIDATION_TYPES = ['email', 'phone', 'custom', ''];
// Names the engine overwrites in process variables (see design.md): a form must not bind them.
const RESERVED_ROOT_KEYS = ['fields', 'content', 'properties'];

export interface CheckOptions {
  /** When given, `properties.section` must be one of these (a typo would leave data unrestricted). */
  sections?: readonly string[];
}

export function checkFormDefinition(form: unknown, options: CheckOptions = {}): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  if (!isPlainObject(form)) return [{ path: '', message: 'The form must be a JSON object' }];
  // Zeebe 8.8 refuses such a form too ("Expected the form id to be present"); form-js's editor writes one.
  if (typeof form.id !== 'string' || !form.id.trim()) problems.push({ path: 'id', message: 'The form needs an id: a user task names its form by it (Camunda Modeler writes one when it saves a form; through the API, send the file\'s name as fileName and a form without an id takes it)' });
  if (!Array.isArray(form.components)) {
    problems.push({ path: 'components', message: 'The form needs a components array' });
    return problems;
  }
  const seen = new Map<string, string>();
  walkComponents(form.components as FormComponent[], (c, jsonPath, dataPath, inList) => {
    const add = (message: string) => problems.push({ path: jsonPath, componentId: isPlainObject(c) ? c.id : undefined, message: `${describe(c, jsonPath)}: ${message}` });
    if (!isPlainObject(c)) return add('is not an object');
    if (Object.prototype.hasOwnProperty.call(UNSUPPORTED_FORM_JS_TYPES, c.type)) {
      return add(`the ${c.type} component is not supported: ${UNSUPPORTED_FORM_JS_TYPES[c.type]}`);
    }
    if (!(COMPONENT_TYPES as readonly string[]).includes(c.type)) {
      return add(`unknown component type "${String(c.type)}" (supported: ${COMPONENT_TYPES.join(', ')})`);
    }
    checkBinding(c, dataPath, inList, seen, add);
    checkValidate(c, add);
    checkDisplay(c, inList, add);
    if (hasOptions(c)) checkOptions(c, add);
    if (c.type === 'datetime' && !DATETIME_SUBTYPES.includes(c.subtype ?? 'date')) add(`unknown datetime subtype "${c.subtype}"`);
    for (const bound of ['minDate', 'maxDate'] as const) {
      const raw = isPlainObject(c.properties) ? c.properties[bound] : undefined;
      if (raw !== undefined && !dateBound(raw, '2000-01-01')) add(`property ${bound} must be a date (YYYY-MM-DD) or "today"`);
    }
    if (c.conditional !== undefined) {
      const hide = c.conditional?.hide;
      if (hide !== undefined && typeof hide !== 'string') add('conditional.hide must be a FEEL expression string');
      else if (hide?.trim()) {
        const err = feelSyntaxError(hide);
        if (err) add(`conditional.hide is not valid FEEL (${err})`);
      }
    }
    if (typeof c.readonly === 'string' && feelSyntaxError(c.readonly)) add('readonly is not valid FEEL');
    if (c.properties !== undefined) {
      if (!isPlainObject(c.properties)) add('properties must be an object');
      else for (const [k, v] of Object.entries(c.properties)) if (typeof v !== 'string') add(`property "${k}" must be a string`);
      const section = isPlainObject(c.properties) ? c.properties.section : undefined;
      if (options.sections && typeof section === 'string' && !options.sections.includes(section)) {
        add(`property section "${section}" is not a case-record section (${options.sections.join(', ')})`);
      }
    }
    if (isContainer(c) && !Array.isArray(c.components)) add('needs a components array');
  });
  if (!problems.length) problems.push(...checkCollections(form.components as FormComponent[]));
  if (!problems.length) problems.push(...checkSectionsPerKey(form.components as FormComponent[]));
  if (!problems.length) problems.push(...checkExpressionSections(form.components as FormComponent[]));
  return problems;
}

function describe(c: unknown, jsonPath: string): string {
  if (!isPlainObject(c)) return `Component at ${jsonPath}`;
  const name = c.id ?? c.key ?? c.path;
  return `${String(c.type ?? 'component')}${name ? ` "${String(name)}"` : ''} at ${jsonPath}`;
}

function checkBinding(c: FormComponent, dataPath: string[], inList: boolean, seen: Map<string, string>, add: (m: string) => void) {
  const binding = isInput(c) ? 'key' : c.type === 'dynamiclist' ? 'path' : c.type === 'group' && c.path ? 'path' : undefined;
  if (!binding) return;
  const raw = c[binding];
  if (typeof raw !== 'string' || !raw.trim()) return add(`needs a ${binding}`);
  if (!raw.split('.').every((s) => SEGMENT.test(s))) return add(`${binding} "${raw}" must be dot-separated names (letters, digits, _)`);
  const reserved = raw.split('.').find(isReservedKey);
  if (reserved) return add(`${binding} "${raw}": ${reservedKeyMessage(reserved)}`);
  if (!inList && RESERVED_ROOT_KEYS.includes(dataPath[0])) add(`${binding} "${raw}" is reserved by the engine`);
  const full = dataPath.join('.');
  const kind = isInput(c) ? 'input' : c.type;
  // Clashes: the same path bound twice (two groups may share a path: their fields merge), or a path
  // inside an input's value ("a" and "a.b").
  for (const [other, otherKind] of seen) {
    const same = other === full && !(kind === 'group' && otherKind === 'group');
    const inside = (otherKind === 'input' && full.startsWith(`${other}.`)) || (kind === 'input' && other.startsWith(`${full}.`));
    if (same || inside) {
      add(`duplicate ${binding} "${full.replace(/\.\[\]/g, '[]')}"`);
      break;
    }
  }
  if (!seen.has(full)) seen.set(full, kind);
}

function checkValidate(c: FormComponent, add: (m: string) => void) {
  const v = c.validate;
  if (v === undefined) return;
  if (!isPlainObject(v)) return add('validate must be an object');
  // As form-js 1.23: min, max, minLength and maxLength may be FEEL (`=minimumAge`); so may required (ours).
  const raw = v as Record<string, unknown>;
  for (const n of [...FEEL_VALIDATE_NUMBERS, 'required'] as const) {
    const value = raw[n];
    if (isFeelValue(value)) {
      const problem = feelSyntaxError(value);
      if (problem) add(`validate.${n} is not valid FEEL (${problem})`);
    } else if (n === 'required') {
      if (value !== undefined && typeof value !== 'boolean') add('validate.required must be true, false or a FEEL expression');
    } else if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) add(`validate.${n} must be a number or a FEEL expression`);
  }
  if (typeof v.min === 'number' && typeof v.max === 'number' && v.min > v.max) add('validate.min is greater than validate.max');
  if (typeof v.minLength === 'number' && typeof v.maxLength === 'number' && v.minLength > v.maxLength) add('validate.minLength is greater than validate.maxLength');
  if (v.pattern !== undefined) {
    try {
      new RegExp(String(v.pattern));
    } catch (e) {
      add(`validate.pattern is not a valid regular expression (${(e as Error).message})`);
    }
  }
  if (v.patternErrorMessage !== undefined && typeof v.patternErrorMessage !== 'string') add('validate.patternErrorMessage must be text');
  if (c.increment !== undefined && !(Number(c.increment) > 0)) add('increment must be a positive number');
  if (v.validationType !== undefined && !VALIDATION_TYPES.includes(String(v.validationType))) add(`unknown validationType "${String(v.validationType)}"`);
}

function checkOptions(c: FormComponent, add: (m: string) => void) {
  if (c.valuesKey !== undefined || c.valuesExpression !== undefined) {
    if (c.valuesExpression !== undefined && (typeof c.valuesExpression !== 'string' || feelSyntaxError(c.valuesExpression))) add('valuesExpression is not valid FEEL');
    if (c.valuesKey !== undefined && (typeof c.valuesKey !== 'string' || !c.valuesKey.trim())) add('valuesKey must be a name');
    return;
  }
  const options = normaliseOptions(c.values);
  // form-js renders a choice with no options (its editor starts one so); only a required one could never be answered.
  if ((c.values === undefined || (Array.isArray(c.values) && c.values.length === 0)) && c.validate?.required !== true) return;
  if (!options || options.length === 0) return add(c.validate?.required === true ? 'is required but has no options, so it could never be answered (give values, valuesKey or valuesExpression)' : 'options missing (give values, valuesKey or valuesExpression)');
  const values = new Set<unknown>();
  options.forEach((o, i) => {
    if (o.value === undefined || o.value === null || o.value === '') add(`option ${i + 1} has no value`);
    else if (values.has(o.value)) add(`option value "${o.value}" appears twice`);
    values.add(o.value);
  });
}
