/** The running database as the composition root sees it: what it is and how to stop it. */
export interface DatabaseHandle {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
