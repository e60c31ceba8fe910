// Which timescale a task's due date came from, read from the BPMN's deadline names and, where a name is
// written from several timescales, from the instance's timeline.
import { classifyTaskTimescale, type ClassifyDeps, type DeadlineSources } from '../../../server/src/application/reports/classify-task-timescale';
import type { QueueTask } from '../../../server/src/domain/tasks/queue-task';
import type { TimelineEntry } from '../../../server/src/ports/workflow-engine.port';

const task = (elementId: string, over: Partial<QueueTask> = {}): QueueTask => ({
  id: 't1', instanceKey: 'i1', processId: 'p', processVersion: 1, elementId, name: 'T', candidateGroups: [], candidateUsers: [],
  revision: 0, priority: 50, state: 'open', createdAt: '2026-05-05T10:00:00.000Z', dueDate: '2026-05-12T16:00:00.000Z', ...over,
});
const done = (elementId: string, at: string): TimelineEntry => ({ at, elementId, elementType: 'serviceTask', event: 'completed' });

function deps(sources: DeadlineSources, variables: Record<string, unknown>, timeline: TimelineEntry[] = []): ClassifyDeps {
  return {
    deadlineSources: async () => sources,
    instance: async () => ({ variables, timeline }),
    isTimescale: async (id) => ['victimRjInformation', 'victimRjInformationEnhanced', 'planReview', 'defaultTaskDue'].includes(id),
  };
}

describe('classifying a task by the timescale behind its due date', () => {
  it('takes the branch of an if/else due date whose deadline is the task due date, with the instance version', async () => {
    const sources = { dueNames: { rj: ['victimRjInformationEnhanced', 'victimRjInformation'] }, writers: { calc: [{ name: 'victimRjInformation', timescaleId: 'victimRjInformation' }, { name: 'victimRjInformationEnhanced', timescaleId: 'victimRjInformationEnhanced' }] } };
    const vars = { timescalesVersion: 4, deadlines: { victimRjInformation: '2026-05-12T16:00:00.000Z', victimRjInformationEnhanced: '2026-05-06T16:00:00.000Z' } };
    expect(await classifyTaskTimescale(deps(sources, vars), task('rj'))).toEqual({ timescaleId: 'victimRjInformation', timescaleVersion: 4 });
  });

  it('asks the timeline which step wrote a deadline name written from two timescales', async () => {
    const sources = { dueNames: { review: ['reviewDue'] }, writers: { first: [{ name: 'reviewDue', timescaleId: 'planReview' }], again: [{ name: 'reviewDue', timescaleId: 'defaultTaskDue' }] } };
    const vars = { timescalesVersion: 1 };
    const timeline = [done('first', '2026-05-01T09:00:00.000Z'), done('again', '2026-05-05T10:00:00.000Z'), done('first', '2026-05-06T09:00:00.000Z')];
    expect(await classifyTaskTimescale(deps(sources, vars, timeline), task('review'))).toEqual({ timescaleId: 'defaultTaskDue', timescaleVersion: 1 });
    expect(await classifyTaskTimescale(deps(sources, vars, timeline), task('review', { createdAt: '2026-05-02T09:00:00.000Z' }))).toEqual({ timescaleId: 'planReview', timescaleVersion: 1 });
    expect(await classifyTaskTimescale(deps(sources, vars, []), task('review'))).toBeUndefined();
  });

  it('uses a deadline a parent process wrote under a timescale id; nothing for reminders, missing versions or no due date', async () => {
    const sources = { dueNames: { child: ['planReview'], other: ['reviewDue'], remind: [] }, writers: {} };
    expect(await classifyTaskTimescale(deps(sources, { timescalesVersion: 2 }), task('child'))).toEqual({ timescaleId: 'planReview', timescaleVersion: 2 });
    expect(await classifyTaskTimescale(deps(sources, { timescalesVersion: 2 }), task('other'))).toBeUndefined();
    expect(await classifyTaskTimescale(deps(sources, { timescalesVersion: 2 }), task('remind'))).toBeUndefined();
    expect(await classifyTaskTimescale(deps(sources, {}), task('child'))).toBeUndefined();
    expect(await classifyTaskTimescale(deps(sources, { timescalesVersion: 2 }), task('child', { dueDate: undefined }))).toBeUndefined();
  });
});
