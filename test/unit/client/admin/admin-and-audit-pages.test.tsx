/** @jest-environment jsdom */
// The admin users page and the DPO audit page against a scripted server: field errors from the
// server beside their fields, deactivate sends the right PATCH with the CSRF token, verify shows
// the first tampered event.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UsersPage } from '../../../../client/src/features/admin';
import { AuditPage } from '../../../../client/src/features/audit';
import { SessionProvider, setCsrfToken } from '../../../../client/src/features/auth';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const cara = { id: 'a1', username: 'cara.case', displayName: 'Cara Case', email: 'c@x', roles: ['case-managers'], teams: ['north'], managerId: null, active: true, lockedUntil: null, lastSignInAt: null };
let calls: { url: string; method: string; body?: unknown; headers: Record<string, string> }[];

function serve(handler: (method: string, url: string, body?: unknown) => Response) {
  calls = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url: String(url), method: init.method ?? 'GET', body, headers: (init.headers ?? {}) as Record<string, string> });
    return handler(init.method ?? 'GET', String(url), body);
  }) as typeof fetch;
}

describe('admin users page', () => {
  it('shows server field errors beside the fields and deactivates with a PATCH carrying the CSRF token', async () => {
    setCsrfToken('tok-9');
    serve((method, url) => {
      if (url === '/api/users/roles') return json(200, { items: ['case-managers', 'admins'], labels: [{ key: 'case-managers', label: 'Case managers' }, { key: 'admins', label: 'Administrators' }] });
      // The signed-in admin (the page asks who, so they are not offered their own change to decide); none waits.
      if (url === '/api/auth/me') return json(200, { user: { ...cara, id: 'ad1', username: 'ada.admin', roles: ['admins'] }, csrfToken: 'tok-9', actions: ['administer-users'], readableSections: [], writableSections: [] });
      if (url === '/api/admin/permissions/requests') return json(200, { items: [] });
      if (url === '/api/admin/teams') return json(200, { today: '2026-12-01', people: [], moves: [], teams: [{ key: 'north', name: 'North Locality', active: true }, { key: 'south', name: 'Old South', active: false }, { key: 'east', name: 'East Locality', active: true }] });
      if (url === '/api/users/access-given') return json(200, { days: 30, items: [] });
      if (method === 'GET' && url.startsWith('/api/users')) return json(200, { items: [cara], total: 1, offset: 0, limit: 25 });
      if (method === 'POST') return json(422, { error: { code: 'VALIDATION_FAILED', message: 'Some details need correcting' }, errors: { email: 'Enter an email address such as name@council.gov.uk' } });
      if (method === 'PATCH') return json(200, { ...cara, active: false });
      return json(404, {});
    });
    render(<SessionProvider><UsersPage /></SessionProvider>);
    const user = userEvent.setup();
    const row = (await screen.findByText('cara.case')).closest('tr')!;
    // Teams are chosen from the directory, by name: ticking East sends its key with North's.
    await user.click(within(row).getByRole('button', { name: 'Edit' }));
    expect((await screen.findByRole<HTMLInputElement>('checkbox', { name: 'North Locality' })).checked).toBe(true);
    expect(screen.queryByRole('checkbox', { name: 'Old South' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'East Locality' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toMatchObject({ teams: ['north', 'east'] });
    calls.length = 0;
    await user.click(within(row).getByRole('button', { name: 'Deactivate' }));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch).toMatchObject({ url: '/api/users/a1', body: { active: false } });
    expect(patch.headers['X-CSRF-Token']).toBe('tok-9');

    await user.click(screen.getByRole('button', { name: 'New user' }));
    await user.type(screen.getByLabelText('Username'), 'nina.new');
    await user.type(screen.getByLabelText('Email'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect((await screen.findByText('Enter an email address such as name@council.gov.uk')).id).toBe('user-email-error');
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ username: 'nina.new', email: 'nope' });
  });
});

describe('DPO audit page', () => {
  it('lists events, searches with filters, and reports a failed verification naming the event', async () => {
    const view = { user: { ...cara, id: 'd1', username: 'dee.dpo', displayName: 'Dee' }, csrfToken: 't', actions: ['view-audit', 'verify-audit'], readableSections: [], writableSections: [],
      words: { roles: {}, sections: {}, teams: { north: 'North Locality' } } };
    serve((method, url) => {
      if (url === '/api/auth/me') return json(200, view);
      if (url.startsWith('/api/audit/events')) {
        return json(200, { items: [{ seq: 7, at: '2026-11-24T10:00:00Z', actor: { id: 'u1', username: 'tom.manager' }, action: 'auth.account-locked', flagged: true, hash: 'h' },
          { seq: 6, at: '2026-11-24T09:00:00Z', actor: { id: 'u2', username: 'ada.admin' }, action: 'user.updated', after: { teams: ['north'] }, hash: 'g' }], total: 2, offset: 0, limit: 50 });
      }
      if (method === 'POST' && url === '/api/audit/verify') return json(200, { ok: false, checked: 2, lastSeq: 2, problem: { kind: 'changed', seq: 3, message: 'Audit event 3 (case.read at …) was changed after it was written' } });
      return json(404, {});
    });
    render(<SessionProvider><AuditPage /></SessionProvider>);
    const user = userEvent.setup();
    expect(await screen.findByText('tom.manager')).toBeTruthy();
    expect(screen.getByText('{"teams":["North Locality"]}')).toBeTruthy(); // a team by its name, not its key
    await user.type(screen.getByLabelText(/^Action/), 'auth.');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(calls.some((c) => c.url === '/api/audit/events?action=auth.&offset=0&limit=50')).toBe(true);
    await user.click(await screen.findByRole('button', { name: 'Verify the audit log' }));
    expect((await screen.findByTestId('verify-result')).textContent).toMatch(/Audit event 3/);
  });
});
