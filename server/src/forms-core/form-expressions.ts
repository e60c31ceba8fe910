// form-js's `expression` component: a value computed by FEEL from the other answers and the process
// variables, stored under its key (`computeOn: "change"` recomputes as answers change, `"presubmit"` once on
// submit — either way the submitted data holds it). The value is never taken from the client: the schema
// drops whatever arrives under an expression's key and validateSubmission writes the value computed here, on
// the server from the answers it validated, in the browser from the same answers — one function, one result.
import { buildScope, evaluateFeel, isHidden } from './form-conditions';
import { feelToJson } from './feel-values';
import { isGroup, isPlainObject, ownSegments } from './form-tree';
import type { FormComponent } from './form.types';

export const COMPUTE_ON = ['change', 'presubmit'] as const;

/**
 * A copy of `data` with every visible expression (outside dynamic lists, which the checker refuses) set to
 * its value, in document order, so an expression may use one computed before it. A hidden expression
 * leaves nothing.
 */
export function computeExpressions(components: FormComponent[], data: Record<string, unknown>, variables?: Record<string, unknown>): Record<string, unknown> {
  let out = data;
  const visit = (list: FormComponent[], base: string[], hiddenAbove: boolean) => {
    for (const c of list) {
      if (!isPlainObject(c)) continue;
      const segments = [...base, ...ownSegments(c)];
      const hidden = hiddenAbove || isHidden(c, buildScope(variables, out));
      if (c.type === 'expression' && typeof c.key === 'string') {
        const value = hidden || typeof c.expression !== 'string' ? undefined : feelToJson(evaluateFeel(c.expression, buildScope(variables, out)));
        out = setPath(out, segments, value);
      } else if (isGroup(c) && Array.isArray(c.components)) visit(c.components, segments, hidden);
    }
  };
  visit(components, [], false);
  return out;
}

/** Immutable set (undefined removes the key); objects on the way are created or copied. */
function setPath(obj: Record<string, unknown>, segments: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = segments;
  const copy: Record<string, unknown> = { ...obj };
  if (!rest.length) {
    if (value === undefined || value === null) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = isPlainObject(copy[head]) ? (copy[head] as Record<string, unknown>) : {};
  const next = setPath(inner, rest, value);
  if (Object.keys(next).length) copy[head] = next;
  else delete copy[head];
  return copy;
}
