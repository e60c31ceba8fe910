/** @jest-environment jsdom */
// The Outbox page (sent, waiting, dead letters with "Send again", caught mail) and the policy page (edit
// with a reason, field errors beside the field) against a fake /api/escalation.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EscalationPolicyPage } from '../../../../client/src/features/escalation';
import { OutboxPage } from '../../../../client/src/features/outbox';

type Handler = (method: string, url: string, body: any) => [number, unknown] | undefined;
const calls: { method: string; url: string; body?: unknown }[] = [];

function fakeFetch(handler: Handler) {
  calls.length = 0;
  global.fetch = jest.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const [status, json] = handler(method, url, body) ?? [404, { error: { code: 'NOT_FOUND', message: 'nope' } }];
    return Promise.resolve({ status, ok: status < 400, json: async () => json });
  }) as unknown as typeof fetch;
}

const entry = (id: string, state: string, subject: string) => ({
  id, kind: 'notice', source: 'sweep', level: 'overdue', to: 'ann@example.org', subject, text: `Body of ${subject}`, state,
  attempts: state === 'dead' ? 8 : 1, maxAttempts: 8, nextAttemptAt: '2026-12-02T18:00:00.000Z', createdAt: '2026-12-02T18:00:00.000Z',
  ...(state === 'dead' ? { lastError: 'connect ECONNREFUSED' } : {}),
});

describe('Outbox page', () => {
  it('lists entries and dead letters, retries one, and shows caught mail', async () => {
    fakeFetch((method, url) => {
      if (url.startsWith('/api/escalation/outbox?')) {
        return [200, { items: [entry('a', 'sent', 'Overdue: Allocate'), entry('b', 'dead', 'Escalation: Review')], total: 2, offset: 0, limit: 50, counts: { sent: 1, dead: 1 } }];
      }
      if (method === 'POST' && url === '/api/escalation/outbox/b/retry') return [200, entry('b', 'pending', 'Escalation: Review')];
      if (url.startsWith('/api/escalation/caught-mail')) {
        return [200, { items: [{ id: 'm1', from: 'x', to: ['ann@example.org'], subject: 'Overdue: Allocate', text: 'hello', receivedAt: '2026-12-02T18:00:01.000Z' }], total: 1 }];
      }
      return undefined;
    });
    render(<OutboxPage />);
    expect((await screen.findByTestId('outbox-counts')).textContent).toBe('sent: 1 · dead: 1');
    const dead = screen.getByText('Escalation: Review').closest('tr')!;
    expect(within(dead).getByText(/ECONNREFUSED/)).toBeTruthy();
    await userEvent.click(within(dead).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.getByText('Queued to send again.')).toBeTruthy());
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/escalation/outbox/b/retry')).toBe(true);
    expect(await screen.findByRole('heading', { name: 'Caught by the built-in mail server' })).toBeTruthy();
  });
});

describe('Escalation policy page', () => {
  it('saves a new version with a reason and shows field errors beside their inputs', async () => {
    const v1 = { version: 1, createdAt: '2026-11-01T09:00:00.000Z', createdBy: 'system', reason: 'Defaults', overrides: [],
      defaults: { reminderDaysBefore: 2, overdueNotice: true, level1AfterDays: 2, level2AfterDays: 3 } };
    fakeFetch((method, url, body) => {
      if (url === '/api/escalation/policy' && method === 'GET') return [200, v1];
      if (url === '/api/escalation/policy/history') return [200, { items: [v1] }];
      if (url === '/api/escalation/preferences/me') return [200, { userId: 'u', mode: 'immediate', updatedAt: '' }];
      if (method === 'PUT' && !body.reason) return [422, { error: { code: 'VALIDATION_FAILED', message: 'The escalation policy is not valid' }, errors: { reason: 'Say why the policy changes' } }];
      if (method === 'PUT') return [200, { ...v1, ...body.policy, version: 2, reason: body.reason }];
      return undefined;
    });
    render(<EscalationPolicyPage />);
    const reminder = await screen.findByLabelText('Reminder, working days before due (0 = none)', { selector: '#defaults-reminderDaysBefore' });
    await userEvent.clear(reminder);
    await userEvent.type(reminder, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save a new version' }));
    expect(await screen.findByText('Say why the policy changes')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Why are you changing it?'), 'More notice for panels');
    await userEvent.click(screen.getByRole('button', { name: 'Save a new version' }));
    await waitFor(() => expect(screen.getByText('Saved as version 2.')).toBeTruthy());
    const put = calls.filter((c) => c.method === 'PUT').pop()!;
    expect(put.body).toEqual({ policy: { defaults: { ...v1.defaults, reminderDaysBefore: 3 }, overrides: [] }, reason: 'More notice for panels' });
  });
});
