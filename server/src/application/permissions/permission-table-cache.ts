// Keeps the version in force in memory and puts it where the policy functions read it (domain/policies/
// table-in-force.ts). A save on this server is adopted at once. Another server's save is seen by a version
// check — one read by `_id` of the head document — at most once per `maxAgeMs`, made before a request is
// handled (ensureFresh), so in TOPOLOGY=shared every server answers with the new version within seconds and
// without a restart. Concurrent requests share one check. A check that fails (the database is down) leaves
// the last known version in force and is logged: requests are answered, not failed, and the next check
// is made maxAgeMs later, not on every request.
import { tableProblems } from '../../domain/permissions/permission-rails';
import { configOf, type PermissionVersion } from '../../domain/permissions/permission-version';
import type { PermissionConfig, PermissionRows } from '../../domain/policies/table-in-force';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';

export interface PermissionTableCacheOptions {
  repository: Pick<PermissionVersionRepository, 'current' | 'versionInForce' | 'getVersion'>;
  put(rows: PermissionRows, config: PermissionConfig): void;
  /** How old a check may be before a request makes a new one. */
  maxAgeMs: number;
  /** A monotonic clock in milliseconds (performance.now in production; tests move it by hand). */
  nowMs(): number;
  /** A stored version that fails the rails (edited in the database by hand) is not adopted; this hears of it. */
  onRefused?(version: number, problems: Record<string, string>): void;
  /** A version check that failed; the version in force stays. */
  onCheckFailed?(error: unknown, versionInForce: number | undefined): void;
}

export class PermissionTableCache {
  private inForce?: PermissionVersion;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking?: Promise<void>;

  constructor(private readonly options: PermissionTableCacheOptions) {}

  get version(): number | undefined {
    return this.inForce?.version;
  }

  async load(): Promise<void> {
    this.adopt(await this.options.repository.current());
    this.checkedAt = this.options.nowMs();
  }

  /** Before a request: a cheap version check when the last one is older than maxAgeMs. */
  ensureFresh(): Promise<void> {
    if (this.options.nowMs() - this.checkedAt < this.options.maxAgeMs) return Promise.resolve();
    this.checking ??= this.check().finally(() => { this.checking = undefined; });
    return this.checking;
  }

  /** A version saved on this server (or found newer by a check) takes effect now. */
  adopt(version: PermissionVersion): void {
    if (this.inForce && version.version < this.inForce.version) return;
    const problems = tableProblems(version.rows, configOf(version));
    if (Object.keys(problems).length) {
      this.options.onRefused?.(version.version, problems);
      return;
    }
    this.inForce = version;
    this.options.put(version.rows, configOf(version));
  }

  private async check(): Promise<void> {
    try {
      const n = await this.options.repository.versionInForce();
      this.checkedAt = this.options.nowMs();
      if (n === this.inForce?.version) return;
      const v = await this.options.repository.getVersion(n);
      if (v) this.adopt(v);
    } catch (e) {
      this.checkedAt = this.options.nowMs();
      this.options.onCheckFailed?.(e, this.inForce?.version);
    }
  }
}
