// One call for the composition root: the three routers of the forms feature keyed by their mount path
// under /api, ready to spread into createApp({ apiRouters }).
import type { Router } from 'express';
import { createDraftsRouter, type DraftsRouterDeps } from './drafts.routes';
import { createFormsRouter, type FormsRouterDeps } from './forms.routes';
import { createSubmissionsRouter, type SubmissionsRouterDeps } from './submissions.routes';

export type FormsFeatureDeps = FormsRouterDeps & SubmissionsRouterDeps & DraftsRouterDeps;

export function createFormsRouters(deps: FormsFeatureDeps): Record<'/forms' | '/submissions' | '/drafts', Router> {
  return {
    '/forms': createFormsRouter(deps),
    '/submissions': createSubmissionsRouter(deps),
    '/drafts': createDraftsRouter(deps),
  };
}
