// The sign-in form. Messages come from the server (wrong details, locked, rate limited) and are
// announced to screen readers; the password field is cleared after a failure.
import { useState, type FormEvent } from 'react';
import { ApiError } from './api-fetch';
import { useSession } from './session-context';

export function SignInPage({ notice }: { notice?: string }) {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached. Try again.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {notice ? <p role="status" className="sign-in-notice">{notice}</p> : null}
      {error ? <p role="alert" className="govuk-error-message" data-testid="sign-in-error">{error}</p> : null}
      <form onSubmit={submit} noValidate>
        <p>
          <label htmlFor="sign-in-username">Username</label>
          <input id="sign-in-username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </p>
        <p>
          <label htmlFor="sign-in-password">Password</label>
          <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </p>
        <button type="submit" disabled={busy || !username || !password}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </section>
  );
}
