// Every route of a built express app, read from its router stack (router 2's listRoutes), so a route
// added tomorrow is listed without anyone touching the tests that walk them.
import type express from 'express';

export interface AppRoute {
  method: string;
  /** Express path pattern, e.g. /api/cases/:id/sections/:section */
  path: string;
}

interface Listed { path: string | RegExp; methods?: string[]; router?: Lister }
interface Lister { listRoutes(): Listed[] }

export function listRoutes(app: express.Express): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (router: Lister, base: string) => {
    for (const r of router.listRoutes()) {
      if (typeof r.path !== 'string') continue; // regular-expression routes (the client shell) take no input
      const path = `${base}${r.path === '/' && r.router ? '' : r.path}`.replace(/\/+/g, '/');
      if (r.router) walk(r.router, path.replace(/\/$/, ''));
      else for (const m of r.methods ?? []) if (m !== 'HEAD') out.push({ method: m === '*' ? 'POST' : m, path: path || '/' });
    }
  };
  walk((app as unknown as { router: Lister }).router, '');
  return out;
}

/** The express app serving a node http server (its one 'request' listener). */
export const appOf = (server: import('node:http').Server): express.Express => server.listeners('request')[0] as express.Express;
