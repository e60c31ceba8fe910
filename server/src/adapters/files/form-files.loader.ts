// Reads every *.form file in forms/ (sorted, so start-up deploys in a stable order).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormFile } from '../../application/deploy-form-files';

export const DEFAULT_FORMS_DIR = path.resolve(process.cwd(), 'forms');

export async function readFormFiles(dir = DEFAULT_FORMS_DIR): Promise<FormFile[]> {
  // No forms/ directory is a product without forms; any other read error must stop the start.
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  const names = entries.filter((n) => n.endsWith('.form')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
}
