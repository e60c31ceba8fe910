// Reads processes/timescales.json (version 1 of the configuration) and refuses a malformed file at start-up.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../domain/errors';
import { type Timescale, validateTimescaleList } from '../../domain/timescales';

export const DEFAULT_TIMESCALES_FILE = path.resolve(process.cwd(), 'processes', 'timescales.json');

export function parseTimescaleDefaults(text: string, fileName = 'timescales.json'): Timescale[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${fileName} is not valid JSON: ${(e as Error).message}`);
  }
  const { timescales, errors } = validateTimescaleList((json as { timescales?: unknown })?.timescales);
  if (Object.keys(errors).length) {
    const list = Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join('; ');
    throw new ValidationError(`${fileName} has invalid timescales: ${list}`, errors, 'INVALID_TIMESCALES_FILE');
  }
  return timescales.map(({ id, label, trigger, value, unit, direction, countsFrom, status, source, defaultText }) => ({
    id, label, trigger, value, unit, direction, countsFrom, status, source, defaultText,
  }));
}

export async function loadTimescaleDefaults(file = DEFAULT_TIMESCALES_FILE): Promise<Timescale[]> {
  return parseTimescaleDefaults(await readFile(file, 'utf8'), path.basename(file));
}
