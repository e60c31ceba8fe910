// The built client's shell answers every page a browser navigates to — including ids with a dot, as every
// task id has (`<instance>.ut3`), which is what an escalation email links to — while a missing asset still
// answers 404 instead of HTML the browser would try to run, and /api keeps its JSON 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../../server/src/http/app';
import { listen, silentLogger } from '../../support/http-app';

const NAVIGATE = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'; // Chromium's
const SCRIPT = '*/*'; // Chromium's Accept for <script src> and module imports
const STYLE = 'text/css,*/*;q=0.1';

describe('client routes and static files', () => {
  let base: string;
  let close: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    const app = createApp({
      logger: silentLogger, bodyLimit: '1kb', clientDir: dir,
      health: { isDatabaseReady: async () => true, databaseKind: 'ferretdb', version: 'test' },
    });
    ({ url: base, close } = await listen(app));
  });
  afterAll(async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, accept?: string, method = 'GET') => fetch(`${base}${p}`, { method, headers: accept ? { accept } : {} });
  const isShell = async (res: Response) => res.status === 200 && (await res.text()).includes('<title>shell</title>');

  it.each([
    '/tasks/2251799813685249.ut3',
    '/tasks/2251799813685249.ut3?from=email',
    '/tasks/i-1.2.ut3', // encoded by taskLink as it stands
    '/cases/YJS.2026.0001',
    '/monitor/instances/2251799813685249.7',
    '/processes/referral.intake/diff',
    '/forms/designer/referral.v2',
  ])('a browser navigating to %s gets the app shell', async (p) => {
    const res = await get(p, NAVIGATE);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await isShell(res)).toBe(true);
  });

  it('still serves the shell for dot-less routes whatever the Accept header, and HEAD too', async () => {
    expect(await isShell(await get('/tasks'))).toBe(true);
    expect(await isShell(await get('/'))).toBe(true);
    expect((await get('/tasks/a.ut3', NAVIGATE, 'HEAD')).status).toBe(200);
  });

  it('serves existing assets and answers 404 JSON, not HTML, for missing ones', async () => {
    const found = await get('/assets/app-1a2b.js', SCRIPT);
    expect([found.status, await found.text()]).toEqual([200, 'console.log(1)']);
    for (const [p, accept] of [['/assets/missing.js', SCRIPT], ['/assets/missing.css', STYLE], ['/assets/missing.js', NAVIGATE], ['/x.js', SCRIPT], ['/tasks/a.ut3', SCRIPT]]) {
      const res = await get(p, accept);
      expect([p, accept, res.status, res.headers.get('content-type')]).toEqual([p, accept, 404, expect.stringMatching(/^application\/json/)]);
    }
  });

  it('keeps the API out of it: unknown API paths and non-GET requests are 404 JSON', async () => {
    for (const res of [await get('/api/tasks.json', NAVIGATE), await get('/api', NAVIGATE), await get('/tasks/a.ut3', NAVIGATE, 'POST')]) {
      expect([res.status, res.headers.get('content-type')]).toEqual([404, expect.stringMatching(/^application\/json/)]);
    }
  });

  it('does not treat text/html with q=0 as asking for a page', async () => {
    expect((await get('/tasks/a.ut3', 'text/html;q=0, */*')).status).toBe(404);
  });
});
