// The deploy records kept in memory: for tests and a one-off engine. A server keeps them in its database
// (adapters/mongo/zeebe-deploy-record.repository.ts), or every restart would send its shipped files again.
import type { ZeebeDeployRecord, ZeebeDeployRecords } from '../../ports/zeebe-deploy-records.port';

export class MemoryDeployRecords implements ZeebeDeployRecords {
  private readonly byKey = new Map<string, ZeebeDeployRecord>();

  async all(): Promise<ZeebeDeployRecord[]> {
    return [...this.byKey.values()];
  }

  async add(records: ZeebeDeployRecord[]): Promise<void> {
    for (const r of records) if (!this.byKey.has(r.key)) this.byKey.set(r.key, { ...r });
  }
}
