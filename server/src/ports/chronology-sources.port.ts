// The raw reads behind a case's chronology that no other port offers: the case's tasks (with their
// process and instance) and the emails sent about them. Both are bounded by the case: tasks by the
// indexed caseId, emails by those tasks' ids.
export interface ChronologyTaskRow {
  id: string;
  name: string;
  processId: string;
  instanceKey: string;
  formId?: string;
  state: 'open' | 'completed' | 'cancelled';
  createdAt?: string;
  completedAt?: string;
  completedBy?: string;
}

export interface ChronologyEmailRow {
  id: string;
  taskId: string;
  recipientId?: string;
  subject: string;
  level?: string;
  state: string;
  createdAt?: string;
  sentAt?: string;
}

export interface ChronologySources {
  /** The case's tasks, oldest first, at most `limit`. */
  tasksOfCase(caseId: string, limit: number): Promise<ChronologyTaskRow[]>;
  /** Notices (not digests) about these tasks, at most `limit`. */
  emailsOfTasks(taskIds: readonly string[], limit: number): Promise<ChronologyEmailRow[]>;
}
