// Submissions of called-process tasks completed before tasks carried their case were stored without a
// case (issue 15 §2). Read through the submissions API they take their task's case, so another team's
// reader gets "not found" instead of the answers.
import { getSubmission, listSubmissions, type ReadSubmissionsDeps } from '../../../server/src/application/get-submissions';
import { NotFoundError } from '../../../server/src/domain/errors';
import type { FormSubmission } from '../../../server/src/domain/forms/form-version';

const legacy: FormSubmission = {
  id: 'task-south.u3', formId: 'pdat', version: 1, data: { factors: 'south answers' }, submittedBy: 'cm-north', submittedAt: '2026-11-20T10:00:00Z', taskId: 'south.u3',
};
const own: FormSubmission = { ...legacy, id: 'task-north.u3', taskId: 'north.u3', data: { factors: 'north answers' } };
const caseless: FormSubmission = { ...legacy, id: 'free', taskId: undefined, data: { factors: 'no task' } };
const north = { id: 'cm-north', roles: ['case-managers'], teams: ['north'] };

const deps: ReadSubmissionsDeps = {
  submissions: { create: async () => undefined, get: async (id) => [legacy, own, caseless].find((s) => s.id === id), list: async () => [legacy, own, caseless] },
  forms: { getVersion: async () => ({ schema: { id: 'pdat', type: 'default', components: [{ id: 'f', type: 'textfield', key: 'factors', label: 'Factors' }] } }) } as never,
  canSeeCase: async (actor, caseId) => caseId === 'C-NORTH' && (actor.teams ?? []).includes('north'),
  caseIdOfTask: async (taskId) => ({ 'south.u3': 'C-SOUTH', 'north.u3': 'C-NORTH' } as Record<string, string>)[taskId],
};

describe('submissions stored without a case', () => {
  it('take their task\'s case: another team\'s is not found, one\'s own is shown', async () => {
    await expect(getSubmission(deps, north, legacy.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getSubmission(deps, north, own.id)).data).toEqual({ factors: 'north answers' });
  });
  it('are left out of lists for another team; answers without task or case stay visible', async () => {
    expect((await listSubmissions(deps, north, {})).map((s) => s.id)).toEqual([own.id, caseless.id]);
  });
});
