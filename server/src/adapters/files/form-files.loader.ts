// Reads every *.form file in forms/ (sorted, so start-up deploys in a stable order).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormFile } from '../../application/deploy-form-files';
import { withIdFromFileName } from '../../forms-core/form-file-id';

export const DEFAULT_FORMS_DIR = path.resolve(process.cwd(), 'forms');

export async function readFormFiles(dir = DEFAULT_FORMS_DIR): Promise<FormFile[]> {
  // No forms/ directory is a product without forms; any other read error must stop the start.
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  const names = entries.filter((n) => n.endsWith('.form')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: withFileId(name, await readFile(path.join(dir, name), 'utf8')) })));
}

/**
 * A form file without an id gets its name as the id in the text itself: that text is deployed here and, on Zeebe,
 * sent to the cluster, which refuses a form without one. A file with an id (or not JSON) is left byte for byte.
 */
function withFileId(name: string, text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text; // reported, naming the file, by the deploy (fileProblem)
  }
  const withId = withIdFromFileName(json, name);
  return withId === json ? text : `${JSON.stringify(withId, null, 2)}\n`;
}
