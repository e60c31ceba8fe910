/** @jest-environment jsdom */
// Deploying a form from the designer, in jsdom against a scripted server: no comment → a GOV.UK error summary
// that takes focus and links to the comment box, nothing sent; with a comment the changes are listed by label
// before anything is deployed, and the deploy sends the comment. Practitioners are not offered the designer.
import '../tasks/text-encoding.polyfill';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { DeployPanel } from '../../../../client/src/features/forms/designer/deploy-panel';
import { FormsArea } from '../../../../client/src/features/forms/forms-area';
import type { FormDefinition } from '../../../../server/src/forms-core';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const deployed: FormDefinition = { id: 'note', type: 'default', components: [{ id: 'a', type: 'textfield', key: 'reason', label: 'Reason' }, { id: 'b', type: 'textfield', key: 'old', label: 'Old question' }] };
const edited: FormDefinition = { id: 'note', type: 'default', components: [{ id: 'a', type: 'textfield', key: 'reason', label: 'Why refer?' }, { id: 'c', type: 'checkbox', key: 'urgent', label: 'Urgent' }] };

let sent: { method: string; url: string; body?: unknown }[];
beforeEach(() => {
  sent = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    sent.push({ method, url: String(url), body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (method === 'GET' && String(url) === '/api/forms/note') return json(200, { formId: 'note', version: 1, schema: deployed });
    if (method === 'POST' && String(url) === '/api/forms') return json(201, { formId: 'note', version: 2, created: true, schema: edited });
    if (String(url) === '/api/forms') return json(200, { items: [{ formId: 'note', version: 1, title: 'Note', deployedAt: '2026-01-01T00:00:00Z' }] });
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
});

describe('deploying a form', () => {
  it('asks for a comment in an error summary that takes focus and links to the box; nothing is sent', async () => {
    const user = userEvent.setup();
    render(<DeployPanel schema={edited} disabled={false} onDeployed={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Check changes before deploying' }));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    const link = screen.getByRole('link', { name: 'Enter a comment saying why you are deploying this version of the form' });
    expect(link.getAttribute('href')).toBe('#form-deploy-comment');
    expect(screen.getByLabelText('What changed and why').getAttribute('aria-describedby')).toContain('form-deploy-comment-error');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('lists what changes by label, then deploys with the comment', async () => {
    const user = userEvent.setup();
    const onDeployed = jest.fn();
    render(<DeployPanel schema={edited} disabled={false} onDeployed={onDeployed} />);
    await user.type(screen.getByLabelText('What changed and why'), 'Plainer question');
    await user.click(screen.getByRole('button', { name: 'Check changes before deploying' }));
    const changes = await screen.findByTestId('form-changes');
    expect(changes.textContent).toContain('Fields added (1)Urgent');
    expect(changes.textContent).toContain('Fields removed (1)Old question');
    expect(changes.textContent).toContain('Why refer?: label “Reason” → “Why refer?”');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Deploy new version' }));
    expect(await screen.findByText('Deployed "note" as version 2')).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ schema: edited, comment: 'Plainer question' });
    expect(onDeployed).toHaveBeenCalled();
  });

  it('offers the designer only to those who may deploy forms', async () => {
    const { unmount } = render(<MemoryRouter initialEntries={['/forms']}><Routes><Route path="/forms/*" element={<FormsArea canDesign={false} />} /></Routes></MemoryRouter>);
    await screen.findByRole('link', { name: 'Note' });
    expect(screen.queryByRole('link', { name: 'Design a new form' })).toBeNull();
    expect(screen.queryByRole('link', { name: /in the designer/ })).toBeNull();
    unmount();
    render(<MemoryRouter initialEntries={['/forms/designer']}><Routes><Route path="/forms/*" element={<FormsArea canDesign={false} />} /></Routes></MemoryRouter>);
    expect(screen.getByRole('heading', { level: 1, name: 'Not available' })).toBeTruthy();
  });
});
