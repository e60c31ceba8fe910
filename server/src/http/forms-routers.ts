// One call for the composition root: the three routers of the forms feature keyed by their mount path
// under /api, ready to spread into createApp({ apiRouters }).
import type { Router } from 'express';
import { createDraftsRouter, type DraftsRouterDeps } from './drafts.routes';
import { createFormsRouter } from './forms.routes';
import { createSubmissionsRouter } from './submissions.routes';

export type FormsFeatureDeps = DraftsRouterDeps;

export function createFormsRouters(deps: FormsFeatureDeps): Record<'/forms' | '/submissions' | '/drafts', Router> {
  return {
    '/forms': createFormsRouter(deps),
    '/submissions': createSubmissionsRouter(deps),
    '/drafts': createDraftsRouter(deps),
  };
}
