// Guards the app: shows the sign-in page until someone is signed in, and a plain refusal on a page
// their roles do not allow (the server refuses the data anyway).
import type { ReactNode } from 'react';
import { useSession } from './session-context';
import { SignInPage } from './sign-in-page';

export function RequireSession({ children, action }: { children: ReactNode; action?: string }) {
  const session = useSession();
  if (session.state.status === 'loading') return <p role="status">Checking your session…</p>;
  if (session.state.status === 'signed-out') return <SignInPage notice={session.state.reason} />;
  if (action && !session.can(action)) {
    return (
      <section>
        <h1>Not available</h1>
        <p>Your roles do not include access to this page. Ask an administrator if you need it.</p>
      </section>
    );
  }
  return <>{children}</>;
}

/** For the header: the signed-in person's name and a sign-out button. */
export function UserMenu() {
  const { user, signOut } = useSession();
  if (!user) return null;
  return (
    <div className="user-menu">
      <span data-testid="signed-in-user">{user.displayName}</span>{' '}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void signOut()}>Sign out</button>
    </div>
  );
}
