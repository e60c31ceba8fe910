// The API reference as one server-rendered HTML page: operations grouped by resource, GOV.UK type and
// colours in a small inline style sheet (the CSP allows inline styles, not other origins' assets, and the
// client's hashed CSS file is not known here). Built from the same resources as the OpenAPI document.
import type { ApiOperation, ApiResource } from './api-operation';
import { fullPath } from './build-openapi';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{margin:0;font-family:"GDS Transport",arial,sans-serif;color:#0b0c0c;background:#fff;line-height:1.35;font-size:1.1875rem}
header{background:#0b0c0c;color:#fff;padding:10px 15px;border-bottom:10px solid #1d70b8}
header a{color:#fff;font-weight:700;font-size:1.5rem;text-decoration:none}
main{max-width:960px;margin:0 auto;padding:20px 15px 40px}
h1{font-size:2rem;margin:0 0 20px}h2{font-size:1.5rem;margin:40px 0 10px}
a{color:#1d70b8}a:visited{color:#4c2c92}a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.op{border-top:1px solid #b1b4b6;padding:10px 0}
.op code{font-family:monospace;font-size:1rem;overflow-wrap:anywhere}
.method{display:inline-block;min-width:4.5em;font-weight:700;font-family:monospace;font-size:1rem}
.who{color:#505a5f;font-size:1rem;margin:4px 0 0}
@media (max-width:640px){body{font-size:1rem}h1{font-size:1.5rem}h2{font-size:1.25rem}}
`;

function who(op: ApiOperation): string {
  const a = op.access;
  if ('public' in a) return 'Anyone';
  if ('internal' in a) return 'Internal: servers of this deployment only';
  if ('signedIn' in a) return 'Any signed-in person';
  if ('scope' in a) return `Service account token with scope ${a.scope}`;
  return `Permission: ${(Array.isArray(a.action) ? a.action : [a.action]).join(' or ')}`;
}

const slug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function section(r: ApiResource): string {
  const ops = r.operations.map((op) => `<div class="op"><p><span class="method">${op.method.toUpperCase()}</span> <code>${esc(fullPath(r, op))}</code></p>`
    + `<p>${esc(op.summary)}</p><p class="who">${esc(who(op))}</p></div>`).join('');
  return `<section aria-labelledby="${slug(r.tag)}"><h2 id="${slug(r.tag)}">${esc(r.tag)}</h2><p>${esc(r.description)}</p>${ops}</section>`;
}

export function referencePage(resources: readonly ApiResource[]): string {
  const contents = resources.map((r) => `<li><a href="#${slug(r.tag)}">${esc(r.tag)}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>API reference – Youth justice case management</title><style>${STYLE}</style></head><body>`
    + `<header><a href="/">Youth justice case management</a></header><main id="main-content"><h1>API reference</h1>`
    + `<p>Every route of the JSON API, by resource. The machine-readable contract is <a href="/api/openapi.json">the OpenAPI 3.1 document</a>.</p>`
    + `<nav aria-label="Resources"><ul>${contents}</ul></nav>${resources.map(section).join('')}</main></body></html>`;
}
