// A user chooses immediate emails or one daily digest. Only for themselves: the actor is the subject.
import { ValidationError } from '../../domain/errors';
import type { Clock } from '../../ports/clock.port';
import type { NotificationMode, NotificationPreference, NotificationPreferenceRepository } from '../../ports/notification-preference.port';

export interface PreferenceDeps {
  preferences: NotificationPreferenceRepository;
  clock: Clock;
}

const MODES: readonly NotificationMode[] = ['immediate', 'digest'];

export async function setNotificationPreference(deps: PreferenceDeps, userId: string, mode: unknown): Promise<NotificationPreference> {
  if (!MODES.includes(mode as NotificationMode)) {
    throw new ValidationError('Choose how to be told', { mode: 'Choose immediate or digest' });
  }
  return deps.preferences.set(userId, mode as NotificationMode, deps.clock.now().toISOString());
}

export async function getNotificationPreference(deps: Pick<PreferenceDeps, 'preferences'>, userId: string): Promise<NotificationPreference> {
  return deps.preferences.get(userId);
}
