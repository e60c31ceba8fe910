/** @jest-environment jsdom */
// The Timescales page against a fake /api: values with their sources, managers edit with a reason, the
// server's field errors appear beside their fields, and the history shows who changed what and why.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../../../client/src/features/auth';
import { TimescalesPage } from '../../../../client/src/features/timescales';

const base = {
  version: 1, createdAt: '2026-11-01T09:00:00.000Z', createdBy: 'system', reason: 'Defaults loaded from processes/timescales.json',
  timescales: [
    { id: 'oocdAssessment', label: 'Out-of-court disposal assessment complete', trigger: 't', value: 10, unit: 'workingDays', direction: 'after',
      countsFrom: 'referral received', status: 'national guidance', source: 'gov.uk case management guidance', defaultText: '10 WD' },
    { id: 'psrQaSignOff', label: 'Pre-sentence report QA sign-off', trigger: 't', value: 2, unit: 'workingDays', direction: 'before',
      countsFrom: 'court date', status: 'local', source: 'local', defaultText: '2 WD before court date' },
  ],
};

function fakeApi(actions: string[]) {
  const versions = [JSON.parse(JSON.stringify(base)) as typeof base];
  const calls: { method: string; url: string; body?: unknown }[] = [];
  // jsdom has no Response: apiFetch only reads status, ok and json().
  const json = (status: number, body: unknown) => Promise.resolve({ status, ok: status < 400, json: async () => body });
  global.fetch = jest.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const current = versions[versions.length - 1];
    if (url === '/api/auth/me') {
      return json(200, { user: { id: 'm1', username: 'mgr', displayName: 'M', email: '', roles: [], teams: [], managerId: null },
        csrfToken: 'tok', actions, readableSections: [], writableSections: [] });
    }
    if (url === '/api/timescales') return json(200, current);
    if (url.startsWith('/api/timescales/history')) {
      return json(200, { items: [...versions].reverse().map(({ timescales: _t, ...v }) => v) });
    }
    if (method === 'PUT') {
      if (!body.reason) return json(422, { error: { code: 'VALIDATION_FAILED', message: 'invalid' }, errors: { reason: 'Say why the timescale is changing' } });
      const id = url.split('/').pop()!;
      const before = current.timescales.find((t) => t.id === id)!;
      const next = { ...current, version: current.version + 1, createdBy: 'mgr', reason: body.reason, createdAt: '2026-11-24T10:00:00.000Z',
        change: { timescaleId: id, before: { value: before.value, unit: before.unit }, after: { value: body.value, unit: body.unit } },
        timescales: current.timescales.map((t) => (t.id === id ? { ...t, value: body.value, unit: body.unit } : t)) };
      versions.push(next as typeof current);
      return json(200, next);
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as unknown as typeof fetch;
  return calls;
}

const renderPage = () => render(<SessionProvider><TimescalesPage /></SessionProvider>);

describe('TimescalesPage', () => {
  it('lists each timescale with its value, what it counts from and its source', async () => {
    fakeApi([]);
    renderPage();
    const row = await screen.findByTestId('timescale-oocdAssessment');
    expect(within(row).getByText('10 working days')).toBeTruthy();
    expect(within(row).getByText('gov.uk case management guidance')).toBeTruthy();
    expect(within(screen.getByTestId('timescale-psrQaSignOff')).getByText('2 working days before')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Change/ })).toBeNull(); // no edit-timescales action
  });

  it('lets a manager change a value with a reason; the server error shows beside the reason first', async () => {
    const calls = fakeApi(['edit-timescales']);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Change Out-of-court disposal assessment complete' }));
    const form = screen.getByRole('form', { name: 'Change Out-of-court disposal assessment complete' });
    const value = within(form).getByLabelText('Value');
    await user.clear(value);
    await user.type(value, '5');
    await user.click(within(form).getByRole('button', { name: 'Save change' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Say why the timescale is changing');
    expect(within(form).getByLabelText(/Reason/).getAttribute('aria-invalid')).toBe('true');

    await user.type(within(form).getByLabelText(/Reason/), 'Local protocol with the police');
    await user.click(within(form).getByRole('button', { name: 'Save change' }));
    await waitFor(() => expect(within(screen.getByTestId('timescale-oocdAssessment')).getByText('5 working days')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'PUT').pop()?.body).toEqual({ value: 5, unit: 'workingDays', reason: 'Local protocol with the police' });
    expect(await screen.findByText('oocdAssessment: 10 working days → 5 working days')).toBeTruthy();
    expect(screen.getByText('Version 2. Deadlines are counted in working days (Monday to Friday, excluding England & Wales bank holidays) unless stated.')).toBeTruthy();
  });
});
