/** @jest-environment jsdom */
// Home's recent cases are the cases the person viewed (the server notes each case page read), so the
// heading says "viewed", not "opened" — a case manager "opens" a case when it is referred.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { DashboardPage } from '../../../../client/src/features/dashboard/dashboard-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const me = { user: { id: 'u-cara', username: 'cara', displayName: 'Cara Case', email: 'c@x', roles: ['case-managers'], teams: ['north'], managerId: null }, csrfToken: 't', actions: ['view-cases'], readableSections: [], writableSections: [] };
const dashboard = {
  now: '2026-12-02T09:00:00.000Z', weekEnd: '2026-12-07T00:00:00.000Z',
  overdue: { count: 0, tasks: [] }, dueThisWeek: { count: 0, tasks: [] }, caseload: { count: 0, cases: [] },
  recent: [{ id: 'YJ-1', displayName: 'Ada Jones', openedAt: '2026-12-01T15:00:00.000Z' }],
};

it('lists the cases the person viewed recently under a heading that says so', async () => {
  global.fetch = jest.fn(async (url: string | URL | Request) => {
    if (String(url) === '/api/auth/me') return json(200, me);
    if (String(url) === '/api/dashboard') return json(200, dashboard);
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter><DashboardPage /></MemoryRouter></SessionProvider>);
  const recent = await screen.findByRole('region', { name: 'Cases you viewed recently' });
  expect(within(recent).getByRole('link', { name: 'Ada Jones' }).getAttribute('href')).toBe('/cases/YJ-1');
  expect(screen.queryByText(/opened recently/)).toBeNull();
});
