/** @jest-environment jsdom */
// A route change in the app behaves like a page load for a screen-reader or keyboard user: a new document
// title (from the page's h1, or the page's own usePageTitle) and focus on the h1, even when the h1 only
// appears once the page has loaded its data. The skip link takes focus past the header to <main>.
import '../tasks/text-encoding.polyfill'; // react-router needs TextEncoder, which jsdom lacks
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { MAIN_ID, RouteFocus, SkipLink } from '../../../../client/src/shell/route-focus';
import { usePageTitle } from '../../../../client/src/shell/use-page-title';

function SlowPage() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setReady(true), 20);
    return () => clearTimeout(t);
  }, []);
  return ready ? <h1>Allocate case manager</h1> : <p role="status">Loading…</p>;
}

function TitledPage() {
  usePageTitle('Design form: referral');
  return <h1>Design a form</h1>;
}

function Shell() {
  return (
    <MemoryRouter initialEntries={['/tasks']}>
      <SkipLink />
      <RouteFocus />
      <nav>
        <Link to="/tasks/abc.ut3">Open task</Link>
        <Link to="/forms/designer">Designer</Link>
        <Link to="/tasks">Tasks</Link>
      </nav>
      <main id={MAIN_ID} tabIndex={-1}>
        <Routes>
          <Route path="/tasks" element={<h1>Tasks</h1>} />
          <Route path="/tasks/:id" element={<SlowPage />} />
          <Route path="/forms/designer" element={<TitledPage />} />
        </Routes>
      </main>
    </MemoryRouter>
  );
}

describe('route focus and page titles', () => {
  it('titles the first page from its h1 without moving focus', () => {
    render(<Shell />);
    expect(document.title).toBe('Tasks – YJS Workflow');
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus to the h1 after navigation, once it appears, and titles the page from it', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.click(screen.getByRole('link', { name: 'Open task' }));
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Allocate case manager' });
    await act(async () => undefined);
    expect(document.activeElement).toBe(h1);
    expect(document.title).toBe('Allocate case manager – YJS Workflow');
  });

  it('keeps the title a page sets with usePageTitle, and retitles the next page', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.click(screen.getByRole('link', { name: 'Designer' }));
    expect(document.title).toBe('Design form: referral – YJS Workflow');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Design a form' }));
    await user.click(screen.getByRole('link', { name: 'Tasks' }));
    expect(document.title).toBe('Tasks – YJS Workflow');
  });

  it('skip link: the first tab stop, and it moves focus to the main content', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(document.activeElement).toBe(skip);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(document.getElementById(MAIN_ID));
  });
});
