import type { InstanceView } from '../../../server/src/ports/workflow-engine.port';
import { compileBpmn } from '../../../server/src/adapters/engine-embedded/deploy/bpmn-compiler';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

// Compensation as Camunda 8.8 runs it: a compensation throw undoes what completed in its scope by running the
// handler joined to each completed activity's compensation boundary event, and waits for those handlers.
describe('Feature: compensation (boundary events with handlers; intermediate throw and end events)', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['compensation.bpmn', 'compensation-sub.bpmn']); });
  afterAll(() => h.close());

  const events = (instance: InstanceView | undefined, elementId: string) => instance?.timeline.filter((t) => t.elementId === elementId).map((t) => t.event);
  const booked = async (outcome: string) => {
    const { instanceKey } = await h.engine.startInstance('compensation', { outcome });
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_book'), {}, { by: 'u' });
    return instanceKey;
  };

  test('Given the young person declines, then both bookings are undone and the throw waits until the last handler is done', async () => {
    const instanceKey = await booked('declined');
    // The room's handler is a script and has run; the booking's handler is a person's task, so the throw waits.
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_cancel_booking']);
    let instance = await h.engine.getInstance(instanceKey);
    expect(instance?.variables.roomReserved).toBe(false);
    expect(events(instance, 'Event_undo_all')).toEqual(['activated']);
    expect(events(instance, 'Activity_release_room')).toEqual(['activated', 'completed']);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_cancel_booking'), {}, { by: 'u' });
    instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(events(instance, 'Event_undo_all')).toEqual(['activated', 'completed']);
    expect(events(instance, 'Event_not_booked')).toEqual(['activated', 'completed']);
  });

  test.each([
    ['a compensation end event naming the room', 'only the room is released, the booking is kept', 'room-only', false],
    ['the placement is agreed', 'no handler runs', 'agreed', true],
  ])('Given %s, then %s', async (_given, _then, outcome, roomReserved) => {
    const instanceKey = await booked(outcome);
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.roomReserved).toBe(roomReserved);
    expect(events(instance, 'Activity_cancel_booking')).toEqual([]);
  });

  test('Given a throw after a completed sub-process, then what completed inside it is undone too', async () => {
    const { instanceKey } = await h.engine.startInstance('compensation-sub', {});
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.venueBooked).toBe(false);
    expect(events(instance, 'Activity_release_venue')).toEqual(['activated', 'completed']);
  });

  test('Given a compensation throw before the activity completed, then there is nothing to undo and the flow goes on', async () => {
    const xml = fixture('compensation.bpmn').content.replaceAll('"compensation"', '"compensation-early"')
      .replace('sourceRef="StartEvent_1" targetRef="Activity_book"', 'sourceRef="StartEvent_1" targetRef="Event_undo_all"')
      .replace('sourceRef="Event_undo_all" targetRef="Event_not_booked"', 'sourceRef="Event_undo_all" targetRef="Activity_book"')
      .replace('sourceRef="Gateway_outcome" targetRef="Event_undo_all"', 'sourceRef="Gateway_outcome" targetRef="Event_not_booked"');
    await h.engine.deploy([{ name: 'compensation-early.bpmn', content: xml }]);
    const { instanceKey } = await h.engine.startInstance('compensation-early', { outcome: 'declined' });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_book']);
    expect(events(await h.engine.getInstance(instanceKey), 'Event_undo_all')).toEqual(['activated', 'completed']);
  });

  test('Given a handler joined by no association, or a compensation event naming an activity with no boundary, then deploy names it and why', async () => {
    const content = fixture('compensation.bpmn').content;
    const unjoined = await compileBpmn('m.bpmn', content.replace(/<bpmn:association id="Association_1"[^>]*\/>/, ''));
    expect(unjoined.problems.map((p) => `${p.elementId}: ${p.message}`)).toEqual(expect.arrayContaining([
      'Event_book_undo: compensation boundary event \'Event_book_undo\' needs an association to its compensation handler (an activity marked for compensation)',
      'Activity_cancel_booking: compensation handler \'Activity_cancel_booking\' is not associated with any compensation boundary event, so it would never run',
    ]));
    const wrongRef = await compileBpmn('m.bpmn', content.replace('activityRef="Activity_reserve_room"', 'activityRef="Gateway_outcome"'));
    expect(wrongRef.problems.map((p) => `${p.elementId}: ${p.message}`)).toEqual([
      'Event_undo_room: compensation event \'Event_undo_room\' names activity \'Gateway_outcome\', which has no compensation boundary event to compensate it',
    ]);
  });
});
