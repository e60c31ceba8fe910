// GET /api/openapi.json and GET /api/reference: for signed-in people only. The document holds no records,
// but it maps every route, the permission each needs and the internal route; nobody outside needs it until
// systems can sign in (service accounts, later), so it is not handed to anonymous callers.
import { type Request, Router } from 'express';
import { UnauthenticatedError } from '../../domain/errors';
import { API_RESOURCES } from './api-resources';
import { buildOpenApi } from './build-openapi';
import { referencePage } from './reference-page';

export interface OpenApiRouterDeps {
  currentUser(req: Request): unknown;
  version: string;
}

const SIGN_IN_PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
  + '<title>Sign in to read the API reference</title></head><body><main><h1>Sign in to read the API reference</h1>'
  + '<p><a href="/">Sign in</a>, then open this page again.</p></main></body></html>';

export function createOpenApiRouters(deps: OpenApiRouterDeps): Record<'/openapi.json' | '/reference', Router> {
  let document: Record<string, unknown> | undefined; // built once: the routes do not change while running
  let page: string | undefined;
  const json = Router();
  json.get('/', (req, res) => {
    if (!deps.currentUser(req)) throw new UnauthenticatedError();
    document ??= buildOpenApi(deps.version);
    res.json(document);
  });
  const reference = Router();
  reference.get('/', (req, res) => {
    if (!deps.currentUser(req)) return void res.status(401).type('html').send(SIGN_IN_PAGE);
    page ??= referencePage(API_RESOURCES);
    res.type('html').send(page);
  });
  return { '/openapi.json': json, '/reference': reference };
}
