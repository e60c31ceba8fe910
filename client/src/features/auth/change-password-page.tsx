// A signed-in person changes their own password; the server's field errors appear beside the fields.
import { useState, type FormEvent } from 'react';
import type { ChangePasswordRequest } from '../../../../server/src/http/openapi/api-types';
import { apiFetch, ApiError, type FieldErrors } from './api-fetch';

export function ChangePasswordPage() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setStatus(undefined);
    try {
      const body: ChangePasswordRequest = { currentPassword, newPassword };
      await apiFetch<void>('POST', '/api/auth/password', body);
      setCurrent('');
      setNew('');
      setStatus('Your password has been changed.');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.errors);
      setStatus(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="change-password-title">
      <h1 id="change-password-title">Change your password</h1>
      {status ? <p role="status">{status}</p> : null}
      <form onSubmit={submit} noValidate>
        <p>
          <label htmlFor="current-password">Current password</label>
          <input id="current-password" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} aria-describedby={errors.currentPassword ? 'current-password-error' : undefined} />
          {errors.currentPassword ? <span id="current-password-error" className="govuk-error-message">{errors.currentPassword}</span> : null}
        </p>
        <p>
          <label htmlFor="new-password">New password (at least 12 characters; a few unrelated words work well)</label>
          <input id="new-password" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} aria-describedby={errors.newPassword ? 'new-password-error' : undefined} />
          {errors.newPassword ? <span id="new-password-error" className="govuk-error-message">{errors.newPassword}</span> : null}
        </p>
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}
