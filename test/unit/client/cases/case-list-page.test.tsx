/** @jest-environment jsdom */
// The cases list page against a fake /api: the URL's parameters are the API's, a search puts what was typed
// in the URL and moves focus to the count, a card reads in words (dates, ratings, the worker's name), and
// another team's record says only that it exists, with the break-glass link only for roles that may.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CaseListPage } from '../../../../client/src/features/cases/case-list-page';

const item = {
  id: 'YJ-AB12CD34', displayName: 'Jordan Baker', dateOfBirth: '2010-03-14', team: 'north', status: 'open', pathway: 'prevention',
  pathwayLabel: 'Prevention (voluntary)', caseManagerId: 'u1', caseManagerName: 'Cara Case', openedAt: '2026-01-01T10:00:00Z',
  aliases: ['Jay'], rosh: 'very-high', safetyWellbeing: 'medium', disposals: ['Youth caution'],
};

function fakeApi(canBreakGlass: boolean) {
  const asked: string[] = [];
  const json = (status: number, body: unknown) => Promise.resolve({ status, ok: status < 400, json: async () => body });
  global.fetch = jest.fn((url: string) => {
    if (url === '/api/auth/me') {
      return json(200, { user: { id: 'u1', username: 'cara.case', displayName: 'Cara Case', email: '', roles: ['case-managers'], teams: ['north'], managerId: null }, csrfToken: 'tok', actions: ['view-cases', 'create-case'], readableSections: [], writableSections: [] });
    }
    if (url.startsWith('/api/cases?') || url === '/api/cases') {
      asked.push(url);
      const searched = new URL(url, 'http://x').searchParams.get('q');
      return json(200, {
        items: searched ? [item] : [item, { ...item, id: 'YJ-ZZ', displayName: 'Alex Adams', aliases: undefined, rosh: undefined, safetyWellbeing: undefined }],
        total: searched ? 1 : 2, page: 1, pageSize: 20,
        elsewhere: searched ? [{ id: 'YJ-SOUTH1', team: 'south' }] : [], elsewhereMore: false,
        workers: [{ id: 'u1', name: 'Cara Case' }], pathways: [{ value: 'prevention', label: 'Prevention (voluntary)' }],
        disposals: [{ value: 'youth-caution', label: 'Youth caution' }], canBreakGlass, ratingsShown: true,
      });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as unknown as typeof fetch;
  return asked;
}

let location = '';
function Where() {
  const l = useLocation();
  location = `${l.pathname}${l.search}`;
  return null;
}
const renderAt = (url: string) => render(
  <SessionProvider><MemoryRouter initialEntries={[url]}><Where /><Routes><Route path="/cases" element={<CaseListPage />} /></Routes></MemoryRouter></SessionProvider>,
);

describe('cases list page', () => {
  it('asks the API for what the URL says, and reads each case in words', async () => {
    const asked = fakeApi(true);
    renderAt('/cases?worker=me&status=open');
    await screen.findByRole('heading', { name: '2 cases' });
    expect(asked[0]).toBe('/api/cases?status=open&worker=me');
    const card = screen.getByRole('heading', { name: 'Jordan Baker' }).closest('li')!;
    expect(within(card).getByRole('link', { name: 'Jordan Baker' }).getAttribute('href')).toBe('/cases/YJ-AB12CD34');
    expect(card.textContent).toContain('14 March 2010');
    expect(card.textContent).toContain('Prevention (voluntary)');
    expect(card.textContent).toContain('Cara Case');
    expect(card.textContent).toContain('Very High');
    expect(card.textContent).toContain('Jay');
    expect(card.textContent).toContain('Youth caution');
    expect(screen.getByLabelText('Outcome or order')).toBeTruthy();
    expect((screen.getByLabelText('Case manager') as HTMLSelectElement).value).toBe('me');
  });

  it('a search goes into the URL, focus moves to what it found, and another team\'s record only exists', async () => {
    const asked = fakeApi(true);
    renderAt('/cases');
    await screen.findByRole('heading', { name: '2 cases' });
    await userEvent.type(screen.getByLabelText('Search by name, date of birth, NHS number or reference'), 'jordan baker');
    await userEvent.selectOptions(screen.getByLabelText('Search in'), 'all');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const count = await screen.findByRole('heading', { name: '1 case' });
    expect(location).toBe('/cases?q=jordan+baker&team=all');
    expect(asked.at(-1)).toBe('/api/cases?q=jordan+baker&team=all');
    expect(document.activeElement).toBe(count);
    const elsewhere = screen.getByRole('region', { name: 'Records in other teams' });
    expect(elsewhere.textContent).toContain('South team, reference YJ-SOUTH1');
    expect(within(elsewhere).getByRole('link', { name: /break glass/ }).getAttribute('href')).toBe('/cases/YJ-SOUTH1');
  });

  it('offers no break-glass link to a role without it', async () => {
    fakeApi(false);
    renderAt('/cases?q=jordan&team=all');
    const elsewhere = await screen.findByRole('region', { name: 'Records in other teams' });
    expect(within(elsewhere).queryByRole('link')).toBeNull();
    expect(elsewhere.textContent).toContain('Ask that team if you need it.');
  });
});
