import type { TimescaleSet } from '../domain/timescales';

/** Summary of one version for the history list (the full set is fetched with getVersion). */
export type TimescaleVersionSummary = Omit<TimescaleSet, 'timescales'>;

/**
 * Versioned timescale configuration. Versions are immutable and append-only; the current one is the
 * highest. Version 1 is seeded from the shipped defaults the first time anything is read.
 */
export interface TimescaleRepository {
  current(): Promise<TimescaleSet>;
  getVersion(version: number): Promise<TimescaleSet | undefined>;
  /** Newest first; with a timescale id, only the versions that changed it (plus version 1). */
  history(timescaleId?: string): Promise<TimescaleVersionSummary[]>;
  /** Stores `next`; throws ConflictError when another edit took that version number first. */
  append(next: TimescaleSet): Promise<void>;
}
