// An expression's value is computed, never typed, and stored in its section like an answer. Two rules
// follow (design.md, Security: sections). The write check leaves expressions out: a person is refused for
// what they typed, not for a value the server worked out. And at deploy, an expression must name the same
// section as every field of the form it reads: otherwise it could copy, say, a health answer into a section
// more people may read.
import { feelVariablePaths } from './form-variable-paths';
import { describeFields } from './form-sections';
import { isPlainObject, walkComponents } from './form-tree';
import type { FormComponent, FormDefinition, FormDefinitionProblem } from './form.types';

const sectionName = (s: string | undefined) => s || 'none';

/** A copy of `data` without the expressions' values (expressions sit outside dynamic lists). */
export function withoutExpressionAnswers(form: Pick<FormDefinition, 'components'>, data: Record<string, unknown>): Record<string, unknown> {
  let out = data;
  for (const f of describeFields(form as FormDefinition)) if (f.type === 'expression') out = withoutPath(out, f.path.split('.'));
  return out;
}

function withoutPath(obj: Record<string, unknown>, [head, ...rest]: string[]): Record<string, unknown> {
  if (!Object.hasOwn(obj, head)) return obj;
  const copy = { ...obj };
  if (!rest.length) delete copy[head];
  else if (isPlainObject(copy[head])) copy[head] = withoutPath(copy[head] as Record<string, unknown>, rest);
  return copy;
}

const overlaps = (a: string[], b: string[]) => a.slice(0, Math.min(a.length, b.length)).every((s, i) => s === b[i]);

/** Expressions that read a field of the form filed in another section, named with both sections. */
export function checkExpressionSections(components: FormComponent[]): FormDefinitionProblem[] {
  const fields = describeFields({ id: 'check', components } as never);
  const expressions = new Map<string, FormComponent>();
  walkComponents(components, (c, _json, dataPath) => { if (isPlainObject(c) && c.type === 'expression') expressions.set(dataPath.join('.'), c); });
  const problems: FormDefinitionProblem[] = [];
  for (const expr of fields.filter((f) => f.type === 'expression')) {
    const component = expressions.get(expr.path);
    if (!component || typeof component.expression !== 'string') continue;
    const reads = feelVariablePaths(component.expression);
    const others = fields.filter((f) => f.path !== expr.path && !f.path.includes('[]') && sectionName(f.section) !== sectionName(expr.section)
      && reads.some((r) => overlaps(r, f.path.split('.'))));
    if (others.length) {
      problems.push({
        path: expr.path, componentId: component.id,
        message: `expression "${expr.path}" is filed under section ${sectionName(expr.section)} but reads ${others.map((f) => `"${f.path}" (section ${sectionName(f.section)})`).join(', ')}: give it the section of the fields it reads`,
      });
    }
  }
  return problems;
}
