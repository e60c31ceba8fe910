/** @jest-environment jsdom */
// The case page in words against a scripted server: the header's facts, each item of a collection as its
// own summary list, fields by their form labels, options by their labels and dates in the one format;
// "Correct this item" offers the item's known fields by label with an input of the field's type, refuses
// what the form's own rules refuse (error summary, nothing sent), and sends the typed value to that item.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CasePage } from '../../../../client/src/features/cases/case-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'vw-1', username: 'vw', displayName: 'Vic', email: 'v@x', roles: ['victim-workers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['complete'], readableSections: ['victims'], writableSections: ['victims'] };
const source = { at: '2026-11-24T10:00:00.000Z', text: 'From RJ suitability, by Vicky Victim', taskId: 't1' };
const consentField = {
  key: 'rjConsent', label: 'Consents to restorative justice', type: 'select',
  options: [{ value: 'yes', label: 'Yes, consents' }, { value: 'no', label: 'No, declines' }],
  component: { type: 'select', key: 'rjConsent', label: 'Consents to restorative justice', values: [{ value: 'yes', label: 'Yes, consents' }, { value: 'no', label: 'No, declines' }] },
};
const contactedField = {
  key: 'contactedOn', label: 'Contacted on', type: 'datetime',
  component: { type: 'datetime', subtype: 'date', key: 'contactedOn', dateLabel: 'Contacted on', validate: { required: true }, properties: { maxDate: 'today' } },
};
const record = (consent: { text: string }) => ({
  id: 'YJ-1', displayName: 'Ada Jones', dateOfBirth: '2010-02-03', team: 'east', status: 'open', createdAt: '2026-11-24T10:00:00Z',
  sections: { victims: { values: {}, revision: 3, updatedAt: 'x', updatedBy: 'vw-1', sources: {} } },
  readableSections: ['victims'], withheldSections: [], submissions: [],
  words: {
    header: {
      name: 'Ada Jones', dateOfBirth: '2010-02-03', reference: 'YJ-1', team: 'east', status: 'Open', allocatedWorker: 'Cara Case',
      orders: [{ itemId: 'o1', label: 'Referral order, 6 months', type: 'Referral order', endDate: '2027-05-31' }],
      ratings: [{ label: 'Risk of serious harm (ROSH)', value: { text: 'Very high' } }],
      openTaskCount: 1, openTasks: [{ id: 't9', name: 'Arrange the initial panel', dueDate: '2026-12-09T17:00:00.000Z' }],
      banners: [{ kind: 'legal-hold', text: 'Legal hold: Inquiry preservation order. Nothing on this case may be deleted while the hold stands.' }],
    },
    sections: { victims: { fields: [], collections: [{ name: 'victims', title: 'Victims', items: [
      { id: 'i1', label: 'Ann', fields: [
        { key: 'rjConsent', label: 'Consents to restorative justice', value: consent, source },
        { key: 'contactedOn', label: 'Contacted on', value: { text: '2026-11-20', date: '2026-11-20' }, source },
      ] },
      { id: 'i2', label: 'Victim 2', fields: [{ key: 'name', label: "Victim's name", value: { text: 'Bo' } }] },
    ] }] } },
    submissions: [],
    correctable: { victims: { fields: [], items: { victims: [consentField, contactedField] } } },
  },
});

function start() {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = `${init.method ?? 'GET'} ${String(url)}`;
    calls.push(init.body ? `${call} ${String(init.body)}` : call);
    if (String(url) === '/api/auth/me') return json(200, session);
    if (call === 'GET /api/cases/YJ-1') return json(200, record({ text: 'No, declines' }));
    if (call === 'PATCH /api/cases/YJ-1/sections/victims/collections/victims/i1') return json(200, record({ text: 'Yes, consents' }));
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter initialEntries={['/cases/YJ-1']}><Routes><Route path="/cases/:caseId" element={<CasePage />} /></Routes></MemoryRouter></SessionProvider>);
  return calls;
}

it('shows the header facts at a glance: age, reference, worker, orders with end dates, ratings, tasks, a legal hold', async () => {
  start();
  expect(await screen.findByRole('heading', { level: 1, name: 'Ada Jones' })).toBeTruthy();
  expect(screen.getByText('Allocated worker').nextSibling?.textContent).toBe('Cara Case');
  expect(screen.getByText('Risk of serious harm (ROSH)').nextSibling?.textContent).toBe('Very high');
  expect(screen.getByText(/Referral order, 6 months/).textContent).toBe('Referral order, 6 months — ends 31 May 2027');
  expect(screen.getByRole('heading', { name: 'Open tasks (1)' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Arrange the initial panel' }).getAttribute('href')).toBe('/tasks/t9');
  expect(screen.getByTestId('banner-legal-hold').textContent).toContain('Inquiry preservation order');
  expect(document.body.textContent).not.toMatch(/rjConsent|contactedOn|vw-1/);
});

it('lists each victim with labels, option labels and dates in words, and corrects one item with a typed input', async () => {
  const calls = start();
  const list = await screen.findByRole('region', { name: /Victims/ });
  const ann = within(list).getByTestId('item-i1');
  expect(within(ann).getByRole('heading', { name: 'Ann' })).toBeTruthy();
  expect(within(ann).getByText('Consents to restorative justice', { selector: 'dt' }).nextSibling?.textContent).toBe('No, declines');
  expect(within(ann).getByText('Contacted on', { selector: 'dt' }).nextSibling?.textContent).toBe('20 November 2026');
  expect(within(within(list).getByTestId('item-i2')).getByRole('heading', { name: 'Victim 2' })).toBeTruthy();

  const user = userEvent.setup();
  await user.click(within(ann).getByText('Correct this item'));
  const form = within(ann).getByRole('form', { name: 'Correct Ann' });
  // A date field gets a date input, and the form's own rule (required) is applied before anything is sent.
  await user.selectOptions(within(form).getByLabelText('Value to correct'), 'Contacted on');
  expect(within(form).getByLabelText(/New value: Contacted on/).getAttribute('type')).toBe('date');
  await user.type(within(form).getByLabelText('Reason for the change'), 'typo');
  await user.click(within(form).getByRole('button', { name: 'Save the correction' }));
  const summary = within(form).getByRole('alert');
  expect(summary.textContent).toContain('There is a problem');
  expect(within(summary).getAllByRole('link')[0].getAttribute('href')).toMatch(/-value$/);
  expect(calls.some((c) => c.startsWith('PATCH'))).toBe(false);

  // An option field gets the options by their labels, and the stored value is the option's value.
  await user.selectOptions(within(form).getByLabelText('Value to correct'), 'Consents to restorative justice');
  await user.selectOptions(within(form).getByLabelText(/New value: Consents to restorative justice/), 'Yes, consents');
  await user.clear(within(form).getByLabelText('Reason for the change'));
  await user.type(within(form).getByLabelText('Reason for the change'), 'told us by phone');
  await user.click(within(form).getByRole('button', { name: 'Save the correction' }));
  expect(await within(screen.getByTestId('item-i1')).findByText('Yes, consents')).toBeTruthy();
  expect(calls).toContain('PATCH /api/cases/YJ-1/sections/victims/collections/victims/i1 {"changes":{"rjConsent":"yes"},"reason":"told us by phone"}');
});

it('moves between tabs with the arrow keys (roving tabindex) and keeps the tab in the address', async () => {
  start();
  await screen.findByRole('heading', { level: 1, name: 'Ada Jones' });
  const tabs = screen.getAllByRole('tab');
  expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', ...tabs.slice(1).map(() => '-1')]);
  const user = userEvent.setup();
  tabs[0].focus();
  await user.keyboard('{ArrowRight}');
  const chronology = screen.getByRole('tab', { name: 'Chronology' });
  expect(document.activeElement).toBe(chronology);
  expect(chronology.getAttribute('aria-selected')).toBe('true');
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-chronology');
  await user.keyboard('{End}');
  expect(screen.getByRole('tab', { name: 'History' }).getAttribute('tabindex')).toBe('0');
});
