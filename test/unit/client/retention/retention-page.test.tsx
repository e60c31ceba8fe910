/** @jest-environment jsdom */
// The Retention page against a fake /api: rules in words with their sources, a data officer's change
// refused with the clash named, the dry run's list, and a legal hold placed with its reason.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../../../client/src/features/auth';
import { RetentionPage } from '../../../../client/src/features/retention';

const schedule = {
  version: 1, createdAt: '2026-11-01T09:00:00.000Z', createdBy: 'system', reason: 'Defaults loaded from processes/retention-schedule.json',
  rules: [
    { id: 'referral-orders', recordClass: 'referral-order', label: 'Referral orders', basis: 'CASE', years: 6, roundToFinancialYearEnd: true, source: 'Derbyshire schedule', verified: false },
    { id: 'court-orders', recordClass: 'court-order', label: 'Statutory court orders', basis: 'CASE', years: 5, basicRecordAfterYears: 3, roundToFinancialYearEnd: false, source: 'Darlington notice', verified: false },
  ],
};

function fakeApi(actions: string[]) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  const holds: unknown[] = [];
  const json = (status: number, body: unknown) => Promise.resolve({ status, ok: status < 400, json: async () => body });
  global.fetch = jest.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/auth/me') {
      return json(200, { user: { id: 'd1', username: 'dan.data', displayName: 'D', email: '', roles: [], teams: [], managerId: null },
        csrfToken: 'tok', actions, readableSections: [], writableSections: [] });
    }
    if (url === '/api/retention/schedule') return json(200, schedule);
    if (url === '/api/retention/holds' && method === 'GET') return json(200, { items: holds });
    if (url === '/api/retention/holds') {
      holds.push({ id: 'h1', ...body, placedBy: 'd1', since: '2026-12-02T10:00:00.000Z' });
      return json(201, holds[0]);
    }
    if (url === '/api/retention/dry-run') {
      return json(200, { today: '2026-12-02', scheduleVersion: 1, checked: 2, unruled: [], held: [],
        due: [{ caseId: 'C1', text: 'Case C1 — to be erased. Referral orders: rule referral-orders (CASE+6) counts from the date the case closed, 2019-06-10; due on 2026-03-31' }] });
    }
    if (method === 'PUT') {
      return json(422, { error: { code: 'RETENTION_RULES_CLASH', message: 'The schedule would not fit together: Rule "Statutory court orders" (court-orders) reduces to a basic record after 3 years but deletes everything after 3: the basic record must come first' }, errors: { years: 'clash' } });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as unknown as typeof fetch;
  return calls;
}

const renderPage = () => render(<SessionProvider><RetentionPage /></SessionProvider>);

describe('RetentionPage', () => {
  it('shows each rule in words with its source marked unchecked; the DPO sees no Change button', async () => {
    fakeApi(['manage-legal-holds']);
    renderPage();
    const row = await screen.findByTestId('retention-rule-court-orders');
    expect(within(row).getByText('reduced to a basic record 3 years after the date the case closed, then deleted 5 years after the date the case closed (CASE+5)')).toBeTruthy();
    expect(within(row).getByText('Darlington notice (not yet checked against the source)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Change/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run a dry run' })).toBeNull();
  });

  it('a data officer sees a clash named, runs a dry run and places a hold with a reason', async () => {
    const calls = fakeApi(['manage-retention', 'manage-legal-holds']);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Change Statutory court orders' }));
    const form = screen.getByRole('form', { name: 'Change Statutory court orders' });
    const years = within(form).getByLabelText('Delete after (years)');
    await user.clear(years);
    await user.type(years, '3');
    await user.type(within(form).getByLabelText(/Reason/), 'Shorter period');
    await user.click(within(form).getByRole('button', { name: 'Save change' }));
    expect((await within(form).findAllByRole('alert')).map((a) => a.textContent).join(' ')).toContain('reduces to a basic record after 3 years but deletes everything after 3');
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ basis: 'CASE', years: 3, basicRecordAfterYears: 3, roundToFinancialYearEnd: false, reason: 'Shorter period' });

    await user.click(screen.getByRole('button', { name: 'Run a dry run' }));
    expect(await screen.findByText(/Case C1 — to be erased/)).toBeTruthy();

    await user.type(screen.getByLabelText('Case reference'), 'C2');
    await user.type(screen.getByLabelText('Reason'), 'Civil claim by the family');
    await user.click(screen.getByRole('button', { name: 'Place hold' }));
    expect(await screen.findByText('This case: C2')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/retention/holds')?.body).toEqual({ scope: 'case', caseId: 'C2', reason: 'Civil claim by the family' });
  });
});
