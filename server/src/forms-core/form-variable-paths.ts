// The process variables a form reads: its FEEL (hide conditions, FEEL readonly, valuesExpression, templates in
// labels, text, html and images, expressions, table data, FEEL validation) and its valuesKey options. form-js shows a form with the instance's variables in scope, and the server validates
// a completion with them, so the browser must see the same values — or a field the server requires would
// be hidden on screen (`=order.type != "dto"` with no `order` hides it) and the person could never
// complete the task. Only the paths the form names are given (`order.type`, not the whole order), so a
// task page shows nothing of the instance beyond what the form's own logic decides on.
import { parseExpression } from '@bpmn-io/feelin';
import { feelBody } from './form-conditions';
import { isPlainObject } from './form-tree';
import { describeFields } from './form-sections';
import type { FormComponent, FormDefinition } from './form.types';

const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/;

/** Variable paths a FEEL expression reads (`order.type`, `revocationDeclinedOn`); function names excluded. */
export function feelVariablePaths(expression: string): string[][] {
  const source = feelBody(expression);
  const paths: string[][] = [];
  let tree: ReturnType<typeof parseExpression>;
  try {
    tree = parseExpression(source, {}, undefined);
  } catch {
    return paths;
  }
  tree.iterate({
    enter(node) {
      const text = source.slice(node.from, node.to);
      if (node.type.name === 'PathExpression') {
        if (!DOTTED.test(text)) return undefined; // e.g. {a: b}.a: look inside
        paths.push(text.split('.'));
        return false;
      }
      if (node.type.name !== 'VariableName') return undefined;
      const parent = node.node.parent;
      const isFunctionName = parent?.type.name === 'FunctionInvocation' && parent.firstChild?.from === node.from;
      if (!isFunctionName && /^[A-Za-z_]\w*$/.test(text)) paths.push([text]);
      return false;
    },
  });
  return paths;
}

/** A template is one FEEL expression ("=…") or text with form-js templates ("{{ expression }}", "{{#if …}}"). */
function textTemplatePaths(text: string): string[][] {
  if (text.trim().startsWith('=')) return feelVariablePaths(text);
  return [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)]
    .map((m) => m[1].replace(/^#(if|loop)\s+/, ''))
    .filter((body) => !body.startsWith('/'))
    .flatMap((body) => feelVariablePaths(body));
}

const TEMPLATED = ['label', 'description', 'dateLabel', 'timeLabel', 'text', 'content', 'source', 'alt', 'title'] as const;
const FEEL_PROPERTIES = ['expression', 'dataSource', 'columnsExpression'] as const;

/** Every variable path the form's expressions, text templates and valuesKey options read. */
export function formVariablePaths(form: Pick<FormDefinition, 'components'>): string[][] {
  const paths: string[][] = [];
  const visit = (components: FormComponent[] | undefined) => {
    for (const c of components ?? []) {
      if (!c || typeof c !== 'object') continue;
      for (const expr of [c.conditional?.hide, typeof c.readonly === 'string' ? c.readonly : undefined, c.valuesExpression]) {
        if (typeof expr === 'string' && expr.trim()) paths.push(...feelVariablePaths(expr));
      }
      if (typeof c.valuesKey === 'string' && c.valuesKey) paths.push(c.valuesKey.split('.'));
      for (const prop of TEMPLATED) if (typeof c[prop] === 'string') paths.push(...textTemplatePaths(c[prop] as string));
      for (const prop of FEEL_PROPERTIES) {
        // A documentPreview's documents are resolved by the server for the reader (only those they may read):
        // the references themselves, with every file's name, never go to the page.
        if (prop === 'dataSource' && c.type === 'documentPreview') continue;
        if (typeof c[prop] === 'string') paths.push(...feelVariablePaths(c[prop] as string));
      }
      // A filepicker's `multiple` and `accept` are a literal or one FEEL expression ("=allowSeveral").
      for (const prop of ['multiple', 'accept'] as const) if (typeof c[prop] === 'string') paths.push(...textTemplatePaths(c[prop] as string));
      // FEEL-valued validation properties (`validate.min: "=minimumAge"`).
      for (const value of Object.values(isPlainObject(c.validate) ? c.validate : {})) {
        if (typeof value === 'string' && value.trim().startsWith('=')) paths.push(...feelVariablePaths(value));
      }
      visit(c.components);
    }
  };
  visit(form.components);
  return paths;
}

/** The named paths of `variables` and nothing else (a path through a non-object stops there). */
export function pickVariablePaths(variables: Record<string, unknown> | undefined, paths: string[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!variables) return out;
  for (const path of paths) {
    let from: unknown = variables;
    let to: Record<string, unknown> = out;
    for (let i = 0; i < path.length; i++) {
      if (!isPlainObject(from) || !Object.prototype.hasOwnProperty.call(from, path[i])) break;
      const value = (from as Record<string, unknown>)[path[i]];
      if (i === path.length - 1 || !isPlainObject(value)) {
        to[path[i]] = value;
        break;
      }
      const next = isPlainObject(to[path[i]]) ? (to[path[i]] as Record<string, unknown>) : {};
      to[path[i]] = next;
      to = next;
      from = value;
    }
  }
  return out;
}

/**
 * Prefill, as form-js does: a field starts with the process variable of the same key (a group's path
 * included: `order.type`). Only fields of sections the reader may read (`mayRead`; a field without a
 * section is anyone's), so a variable never shows what its case tab would not; rows of dynamic lists are
 * left out (a list is prefilled whole or not at all, and rows carry item ids the variables do not).
 */
export function prefillPaths(form: FormDefinition, mayRead: readonly string[]): string[][] {
  return describeFields(form)
    .filter((f) => !f.path.includes('[]') && (!f.section || mayRead.includes(f.section)))
    .map((f) => f.path.split('.'));
}
