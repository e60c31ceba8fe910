// What every response schema file uses: the compile-time check of a schema against the server's own type,
// and the small shapes many answers share (an instant, a date, a choice's words). A file of its own so that
// response-schemas.ts can use other schema files (the case record carries the consents answer) without an
// import cycle.
import { z } from 'zod';

/** A loose object's type without its "any other key" index signature (interfaces have none to match it). */
type Known<O> = O extends readonly (infer E)[] ? Known<E>[]
  : O extends object ? { [K in keyof O as string extends K ? never : K]: Known<O[K]> } : O;
/** The schema, unchanged, if every value of T passes it at the type level (else a compile error here). */
export const describes = <T>() => <S extends z.ZodType>(schema: S & ([Known<T>] extends [Known<z.input<S>>] ? unknown : never)): S => schema;

export const instant = z.string().describe('An ISO 8601 time, e.g. 2026-03-14T09:30:00.000Z');
export const civilDate = z.string().describe('A date, YYYY-MM-DD');
/** A choice as a form offers it: the value sent, and its words. */
export const option = z.looseObject({ value: z.string(), label: z.string() });
/** A key and the words people read for it. */
export const keyed = z.looseObject({ key: z.string(), label: z.string() });
