// A distinct document title per page ("Tasks – YJS Workflow"), as GOV.UK services do: it is the first thing
// a screen reader announces after a navigation and what a browser tab or history entry shows. The shell
// titles every page from its h1 (route-focus.tsx); a page whose h1 alone does not name it well calls
// usePageTitle, which wins while that page is mounted.
import { useEffect } from 'react';

export const SERVICE_NAME = 'YJS Workflow';

/** "Tasks – YJS Workflow"; the service name alone when there is no page title. */
export function pageTitle(title: string | undefined): string {
  const t = title?.replace(/\s+/g, ' ').trim();
  return t ? `${t} – ${SERVICE_NAME}` : SERVICE_NAME;
}

let claims = 0;

/** True while a mounted page has set its own title (the shell then leaves the title alone). */
export function pageTitleClaimed(): boolean {
  return claims > 0;
}

/** Sets the document title of the page that calls it, for as long as it is mounted. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (!title) return;
    claims += 1;
    document.title = pageTitle(title);
    return () => {
      claims -= 1;
    };
  }, [title]);
}
