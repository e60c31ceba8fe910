// After a route change, a single-page app must do what a page load does for a screen-reader or keyboard
// user: announce the new page and start reading and tabbing from it. GOV.UK's advice for client-side
// routing: give the page a new title and move focus to its h1. Pages load their data first, so the h1 may
// appear (or change) after the route does: a MutationObserver on <main> follows it while the route stays.
// Focus is not moved on the first load (the skip link comes first there) nor when the person has already
// moved into the page.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { NAV_SECTIONS } from './nav-sections';
import { pageTitle, pageTitleClaimed } from './use-page-title';

export const MAIN_ID = 'main-content';

/** The nav section a path belongs to, as a title until the page's h1 is there. */
function sectionTitle(pathname: string): string | undefined {
  if (pathname === '/') return 'Home';
  return NAV_SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.label;
}

function headingText(h1: Element): string {
  return (h1.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const firstLoad = useRef(true);
  useEffect(() => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    let focusPending = !firstLoad.current;
    firstLoad.current = false;
    if (!pageTitleClaimed()) document.title = pageTitle(sectionTitle(pathname));
    const settle = () => {
      const h1 = main.querySelector('h1');
      if (!h1) return;
      const text = headingText(h1);
      if (text && !pageTitleClaimed()) document.title = pageTitle(text);
      if (!focusPending) return;
      focusPending = false;
      if (main.contains(document.activeElement) && document.activeElement !== main) return; // already in the page
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      (h1 as HTMLElement).focus();
    };
    settle();
    const observer = new MutationObserver(settle);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [pathname]);
}

/** The first thing a keyboard user meets: straight past the header and navigation to the page. */
export function SkipLink() {
  return (
    <a
      className="govuk-skip-link"
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        // Focus the main region itself (a fragment link alone does not move keyboard focus in every browser).
        const main = document.getElementById(MAIN_ID);
        if (!main) return;
        e.preventDefault();
        main.focus(); // focusing scrolls it into view
      }}
    >
      Skip to main content
    </a>
  );
}

/** Mounted once by the shell, inside the router. */
export function RouteFocus() {
  useRouteFocus();
  return null;
}
