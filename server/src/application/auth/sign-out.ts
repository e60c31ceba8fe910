// Sign-out is recorded; ending the session itself is the HTTP layer's job (it owns the cookie).
import type { User } from '../../domain/users/user';
import type { AuditLog } from '../../ports/audit-log.port';

export interface SignOutDeps {
  audit: AuditLog;
}

export async function signOut(deps: SignOutDeps, user: User, ip?: string, reason: 'user' | 'idle-timeout' = 'user'): Promise<void> {
  await deps.audit.record({
    actor: { id: user.id, username: user.username, roles: user.roles },
    action: reason === 'user' ? 'auth.sign-out' : 'auth.session-expired',
    recordType: 'user',
    recordId: user.id,
    ip,
  });
}
