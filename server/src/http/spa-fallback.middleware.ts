// Serves the web app's shell for client-side routes, so a link from an email or a reload of any page
// opens the app. Ids may contain dots (a task id is `<instance>.ut3`), so "no dot in the path" cannot tell
// a route from a file. What tells them apart is what the client asks for: a browser navigating to a page
// lists text/html in Accept; a script, stylesheet or image request does not (`*/*`, `text/css,*/*` …). So a
// missing asset still answers 404 instead of HTML that the browser would try to run as JavaScript.
import type { RequestHandler } from 'express';

/** Vite's output folder for hashed assets: never a client route, whatever the Accept header says. */
const ASSET_PREFIX = '/assets/';

/** True when Accept names text/html itself (not only through a wildcard) with a non-zero quality. */
export function acceptsHtmlExplicitly(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type !== 'text/html') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

export function isClientRoute(method: string, path: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/') || path.startsWith(ASSET_PREFIX)) return false;
  // A path without a dot is never a file name (as before, so `curl /tasks` still gets the shell).
  return !path.includes('.') || acceptsHtmlExplicitly(accept);
}

/** Mounted after express.static: existing files were served already; this answers the rest with index.html. */
export function spaFallback(indexHtml: string): RequestHandler {
  return (req, res, next) => {
    if (!isClientRoute(req.method, req.path, req.headers.accept)) return next();
    // The shell must not be cached: a new deploy changes the asset names it points at.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  };
}
