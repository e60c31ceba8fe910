// A first completion leaves closing the queue row to the engine's "completed" event, but the engines log and
// swallow a failed projection: once the engine has returned, a row still open is closed by the completion
// itself, and a row the event closed is not written again.
import { finishCompletion, type FinishCompletionDeps } from '../../../server/src/application/tasks/finish-completion';
import type { FormSubmission } from '../../../server/src/domain/forms/form-version';
import type { QueueTask } from '../../../server/src/domain/tasks/queue-task';

const submission: FormSubmission = { id: 's-1', formId: '', version: 1, data: { ok: true }, submittedBy: 'cm-1', submittedAt: '2026-11-03T10:00:00.000Z', taskId: 't-1' };

function deps(eventCloses: boolean) {
  let row = { id: 't-1', state: 'open' } as QueueTask;
  const closed: unknown[][] = [];
  const d = {
    tasks: {
      findById: async () => row,
      recordClosed: async (...args: unknown[]) => { closed.push(args); row = { ...row, state: 'completed' }; },
    },
    // The engine's own event closes the row before completeUserTask returns — unless its projection failed.
    engine: { completeUserTask: async () => { if (eventCloses) row = { ...row, state: 'completed' }; } },
  } as unknown as FinishCompletionDeps;
  return { d, closed };
}

describe('finishing a first completion', () => {
  it('closes the row itself when the engine’s event left it open', async () => {
    const { d, closed } = deps(false);
    await finishCompletion(d, { userId: 'cm-1' } as never, 't-1', submission, { fresh: true });
    expect(closed).toEqual([['t-1', 'completed', submission.submittedAt, 'cm-1']]);
  });

  it('writes nothing more when the event closed the row', async () => {
    const { d, closed } = deps(true);
    await finishCompletion(d, { userId: 'cm-1' } as never, 't-1', submission, { fresh: true });
    expect(closed).toEqual([]);
  });
});
