// Reads every *.form file in forms/ (sorted, so start-up deploys in a stable order).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormFile } from '../../application/deploy-form-files';

export const DEFAULT_FORMS_DIR = path.resolve(process.cwd(), 'forms');

export async function readFormFiles(dir = DEFAULT_FORMS_DIR): Promise<FormFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.form')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
}
