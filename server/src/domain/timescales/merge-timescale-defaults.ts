// A service already running keeps its timescales in the database (version 1 was the file on the day it
// first started, later versions are managers' edits). A release that ships new processes ships new
// timescales with them, and corrected wording (status, source) for existing ones: without adopting them,
// a new process's deadline job would find no timescale and fail, and the Timescales page would keep
// citing a superseded source. Values and units are never taken from the file for a timescale the service
// already has — those are the managers' decisions, and their edits stand.
import type { Timescale, TimescaleSet } from './timescale';

/** The wording a release may correct; value, unit and direction stay as the service has them. */
const DESCRIPTIVE = ['label', 'trigger', 'countsFrom', 'status', 'source', 'defaultText'] as const;

export interface DefaultsAdoption {
  next: TimescaleSet;
  added: string[];
  reworded: string[];
}

/** The next version when the shipped defaults add timescales or reword existing ones; undefined when nothing differs. */
export function mergeTimescaleDefaults(current: TimescaleSet, defaults: readonly Timescale[], at: Date): DefaultsAdoption | undefined {
  const held = new Map(current.timescales.map((t) => [t.id, t]));
  const shipped = new Set(defaults.map((t) => t.id));
  const added: string[] = [];
  const reworded: string[] = [];
  const merged = defaults.map((file) => {
    const mine = held.get(file.id);
    if (!mine) {
      added.push(file.id);
      return file;
    }
    const wording = Object.fromEntries(DESCRIPTIVE.map((k) => [k, file[k]]));
    if (DESCRIPTIVE.some((k) => mine[k] !== file[k])) reworded.push(file.id);
    return { ...mine, ...wording };
  });
  // A timescale the file no longer ships stays: running instances may still name it.
  const kept = current.timescales.filter((t) => !shipped.has(t.id));
  if (!added.length && !reworded.length) return undefined;
  const parts = [
    added.length ? `added ${added.join(', ')}` : '',
    reworded.length ? `wording and sources updated for ${reworded.join(', ')}` : '',
  ].filter(Boolean);
  return {
    added,
    reworded,
    next: {
      version: current.version + 1,
      timescales: [...merged, ...kept],
      createdAt: at.toISOString(),
      createdBy: 'system',
      reason: `New release of processes/timescales.json: ${parts.join('; ')}`,
    },
  };
}
