/** The running database as the composition root sees it: what it is and how to stop it. */
export interface DatabaseHandle {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Embedded children only: whether the child runs, is being restarted after an exit, or could not be kept running. */
  status?(): DatabaseStatus;
}

export interface DatabaseStatus {
  state: 'up' | 'restarting' | 'failed';
  /** Restarts attempted since the server started. */
  restarts: number;
  /** When the child last went down (ISO), while it is not up. */
  since?: string;
}
