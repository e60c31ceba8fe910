/** Immediate: one email per notice. Digest: notices wait for one email a day listing them all. */
export type NotificationMode = 'immediate' | 'digest';

export interface NotificationPreference {
  userId: string;
  mode: NotificationMode;
  updatedAt: string;
}

export interface NotificationPreferenceRepository {
  /** Users without a stored choice get immediate emails. */
  modesFor(userIds: string[]): Promise<Map<string, NotificationMode>>;
  get(userId: string): Promise<NotificationPreference>;
  set(userId: string, mode: NotificationMode, at: string): Promise<NotificationPreference>;
}
