/** @jest-environment jsdom */
// The header's badge follows /readyz: "Service ready" while it says ready; when it answers 503 (the database
// restarting, or failing of late) the badge turns and a GOV.UK-style warning says changes cannot be saved and
// why; when /readyz is ready again the warning goes.
import { render, screen, waitFor } from '@testing-library/react';
import { ReadinessBadge } from '../../../../client/src/shell/readiness-badge';

// jsdom has no Response: the fields the hook reads are enough.
const reply = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;

describe('readiness badge', () => {
  it('shows the warning with the reason while /readyz is not ready, and removes it when ready again', async () => {
    const answers = [
      reply(200, { status: 'ready', database: { kind: 'ferretdb', ready: true } }),
      reply(503, { status: 'not-ready', reason: '3 database failures in the last 30 s', database: { kind: 'ferretdb', ready: false } }),
      reply(200, { status: 'ready', database: { kind: 'ferretdb', ready: true } }),
    ];
    // Not ready until the test has looked: on a loaded machine a 30 ms poll could otherwise bring "ready"
    // back between finding the warning and reading the badge.
    let calls = 0;
    let recovered = false;
    global.fetch = jest.fn(async () => answers[Math.min(calls++, recovered ? 2 : 1)]) as typeof fetch;
    render(<ReadinessBadge intervalMs={30} notReadyIntervalMs={30} />);

    await waitFor(() => expect(screen.getByTestId('readiness').textContent).toBe('Service ready (database: ferretdb)'));
    const warning = await screen.findByRole('alert');
    expect(screen.getByTestId('readiness').dataset.state).toBe('not-ready');
    expect(warning.textContent).toMatch(/Warning: The service cannot save changes at the moment/);
    expect(warning.textContent).toMatch(/Reason: 3 database failures in the last 30 s/);
    recovered = true;
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByTestId('readiness').dataset.state).toBe('ready');
    expect((global.fetch as jest.Mock).mock.calls[0][0]).toBe('/readyz');
  });

  it('warns when the server cannot be reached at all', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    render(<ReadinessBadge intervalMs={30} notReadyIntervalMs={30} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/server cannot be reached/);
    expect(screen.getByTestId('readiness').textContent).toBe('Server unreachable');
  });
});
