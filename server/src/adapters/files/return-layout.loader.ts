// Reads the case-level return layouts (processes/returns/*.json), one file per layout year, and refuses a
// malformed one at start-up naming the file, record and field (domain/returns/return-layout.ts).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../domain/errors';
import { parseReturnLayout, type ReturnLayout } from '../../domain/returns/return-layout';

export async function loadReturnLayouts(dir: string): Promise<ReturnLayout[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const layouts: ReturnLayout[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ValidationError(`${file} is not valid JSON: ${(e as Error).message}`, {}, 'INVALID_RETURN_LAYOUT');
    }
    layouts.push(parseReturnLayout(json, file));
  }
  const starts = layouts.map((l) => l.validFrom);
  const twice = starts.find((s, i) => starts.indexOf(s) !== i);
  if (twice) throw new ValidationError(`Two return layouts in ${dir} start on ${twice}: give each year's layout its own validFrom`, {}, 'INVALID_RETURN_LAYOUT');
  return layouts;
}
