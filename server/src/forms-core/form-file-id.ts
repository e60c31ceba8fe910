// The id of a form that carries none: its file's name. Pure, so the deploy use case and the forms/ loader (whose
// text also goes to Zeebe, which refuses a form without an id) derive it the same way.
const FILE_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A form without an id takes its file's name (`referral-intake.form` → `referral-intake`), the convention of
 * forms/ and of form-js's own example files, which are named for their forms but carry no id. Zeebe 8.8 refuses
 * such a form; the id is written into the stored definition, so the designer, user tasks and the Zeebe adapter
 * all see it. Without a file name (or with one that is no usable id) the checker refuses the form as before.
 */
export function withIdFromFileName(schema: unknown, fileName: string | undefined): unknown {
  if (!fileName || !schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const current = (schema as { id?: unknown }).id;
  if (typeof current === 'string' && current.trim()) return schema;
  const stem = fileName.split(/[\\/]/).pop()!.replace(/\.(form|json)$/i, '');
  if (!FILE_ID.test(stem)) return schema;
  return { ...(schema as Record<string, unknown>), id: stem };
}
