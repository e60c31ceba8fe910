// What this service deployed to Camunda 8 (ENGINE=zeebe). The cluster keeps no checksum of a resource, nor
// who deployed a version or why; the Zeebe adapter records them here so a restart can leave unchanged
// shipped files out, and the versions list can say who deployed what through this service.
export interface ZeebeDeployRecord {
  /** The cluster's key of the deployed version (process definition, form, decision requirements key): unique in the cluster. */
  key: string;
  kind: 'process' | 'form' | 'decision';
  /** The process id, form id or decision requirements id. */
  id: string;
  version: number;
  /** SHA-256 (hex) of the resource exactly as the adapter sent it (with its task-sync listener). */
  checksum: string;
  resourceName: string;
  deployedAt: string;
  by?: string;
  comment?: string;
}

export interface ZeebeDeployRecords {
  /** Every record (a few per process version: a small collection, read whole and cached by the adapter). */
  all(): Promise<ZeebeDeployRecord[]>;
  /** Adds records; a key already recorded keeps its first record (redeploying the same content changes nothing in Zeebe). */
  add(records: ZeebeDeployRecord[]): Promise<void>;
}
