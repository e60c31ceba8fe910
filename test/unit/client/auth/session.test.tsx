/** @jest-environment jsdom */
// The session provider and sign-in page in jsdom with a scripted server: the sign-in page until
// signed in, server messages shown, the CSRF token added to state-changing calls, and a 401 on any
// call sending the user back to sign-in with the reason.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiFetch, RequireSession, SessionProvider, useSession, UserMenu } from '../../../../client/src/features/auth';

const view = { user: { id: 'u1', username: 'cara.case', displayName: 'Cara Case', email: 'c@x', roles: ['case-managers'], teams: ['north'], managerId: null }, csrfToken: 'tok-123', actions: ['claim'], readableSections: ['personal'], writableSections: ['personal'] };
// jsdom has no Response: the fields apiFetch reads are enough.
const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;

let calls: { url: string; init: RequestInit }[];
function serve(routes: Record<string, () => Response>) {
  calls = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const handler = routes[`${init.method ?? 'GET'} ${String(url)}`];
    return handler ? handler() : json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
}

function Probe() {
  const s = useSession();
  return <p>may claim: {String(s.can('claim'))}; may allocate: {String(s.can('allocate'))}</p>;
}
const app = () => render(<SessionProvider><UserMenu /><RequireSession><Probe /></RequireSession></SessionProvider>);

describe('session in the client', () => {
  it('shows sign-in, reports a server refusal, then signs in and shows the user and permissions', async () => {
    let attempts = 0;
    serve({
      'GET /api/auth/me': () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue' } }),
      'POST /api/auth/sign-in': () => (++attempts === 1
        ? json(401, { error: { code: 'BAD_CREDENTIALS', message: 'The username or password is not right.' } })
        : json(200, view)),
    });
    app();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'cara.case');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The username or password is not right.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('Password'), 'right-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('may claim: true; may allocate: false')).toBeTruthy();
    expect(screen.getByTestId('signed-in-user').textContent).toBe('Cara Case');
  });

  it('adds X-CSRF-Token to state-changing calls only, and returns to sign-in on a 401 with the reason', async () => {
    serve({
      'GET /api/auth/me': () => json(200, view),
      'POST /api/things': () => json(201, {}),
      'GET /api/things': () => json(401, { error: { code: 'SESSION_EXPIRED', message: 'Your session ended after a period without activity.' } }),
    });
    app();
    await screen.findByText(/may claim: true/);
    await apiFetch('POST', '/api/things', { a: 1 });
    const post = calls.find((c) => c.init.method === 'POST')!;
    expect((post.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-123');
    await expect(apiFetch('GET', '/api/things')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    const get = calls.filter((c) => c.url === '/api/things' && c.init.method === 'GET')[0];
    expect((get.init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect(await screen.findByText('Your session ended after a period without activity.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
  });
});
