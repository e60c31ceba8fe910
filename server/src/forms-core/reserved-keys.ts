// Names that must never be field names or answer keys: every property of Object.prototype
// (`constructor`, `toString`, `hasOwnProperty`, `valueOf`, `__proto__` …). Plain objects answer to
// them before any own key exists, so yup looks up `fields.constructor`, finds Object's constructor
// and throws a TypeError (a 500), and assigning `out.__proto__ = …` would replace a prototype.
// They are refused by name: at the API edge, at form deploy and in validateSubmission.
import { isPlainObject } from './form-tree';

export const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

export const reservedKeyMessage = (key: string): string =>
  `"${key}" is a reserved name and cannot be used as a field name`;

/**
 * The first reserved key anywhere in `value` with its yup-style path (`a.b`, `rows[0].c`), walked with
 * an explicit stack (never recursion, so deep input cannot overflow it); undefined when there is none.
 */
export function findReservedKey(value: unknown): { key: string; path: string } | undefined {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: `${path}[${i}]` }));
    else if (isPlainObject(v)) {
      for (const key of Object.keys(v)) {
        const here = path ? `${path}.${key}` : key;
        if (isReservedKey(key)) return { key, path: here };
        stack.push({ v: v[key], path: here });
      }
    }
  }
  return undefined;
}
