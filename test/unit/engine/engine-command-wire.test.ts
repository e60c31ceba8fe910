// Engine commands between servers (TOPOLOGY=shared): only a fresh request signed with the shared key runs,
// once; the holder's refusals come back as the same domain errors the caller would have thrown itself.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { commandKey, fromWire, sign, toWire, verify } from '../../../server/src/adapters/engine-embedded/lease/engine-command-wire';
import { httpCommandForwarder } from '../../../server/src/adapters/engine-embedded/lease/http-command-forwarder';
import { NotEngineOwnerError } from '../../../server/src/adapters/engine-embedded/lease/engine-command-wire';
import { ConflictError, NotFoundError, ValidationError } from '../../../server/src/domain/errors';
import { DeploymentRejectedError, TaskChangeDeniedError } from '../../../server/src/ports/workflow-engine.port';
import { createInternalEngineRouter } from '../../../server/src/http/internal-engine.routes';

const key = commandKey('shared-session-secret-'.padEnd(40, 'x'));
const NOW = Date.parse('2026-03-14T09:30:00Z');

describe('engine command signatures', () => {
  it('accepts the shared key within a minute, and nothing else', () => {
    const body = '{"command":"cancelInstance","args":["i1"]}';
    const ts = String(NOW);
    expect(verify(key, ts, sign(key, ts, body), body, NOW + 59_000)).toBe(true);
    expect(verify(key, ts, sign(key, ts, body), body, NOW + 61_000)).toBe(false);
    expect(verify(key, ts, sign(key, ts, body), body.replace('i1', 'i2'), NOW)).toBe(false);
    expect(verify(commandKey('another-secret-'.padEnd(40, 'y')), ts, sign(key, ts, body), body, NOW)).toBe(false);
    expect(verify(key, undefined, sign(key, ts, body), body, NOW)).toBe(false);
  });

  it('brings the holder\'s domain errors back as the same errors', () => {
    const round = (e: unknown) => fromWire(JSON.parse(JSON.stringify(toWire(e))));
    expect(round(new NotFoundError("user task 't1' not found", 'TASK_NOT_FOUND'))).toMatchObject({ constructor: NotFoundError, code: 'TASK_NOT_FOUND' });
    expect(round(new ValidationError('Reserved variable names', { caseId: 'reserved' }, 'RESERVED_VARIABLE'))).toMatchObject({ errors: { caseId: 'reserved' }, code: 'RESERVED_VARIABLE' });
    const rejected = round(new DeploymentRejectedError([{ resource: 'a.bpmn', line: 3, message: 'no start event' }]));
    expect(rejected).toBeInstanceOf(DeploymentRejectedError);
    expect((rejected as DeploymentRejectedError).problems).toEqual([{ resource: 'a.bpmn', line: 3, message: 'no start event' }]);
    const denied = round(new TaskChangeDeniedError('on leave', 'Assigning'));
    expect(denied).toBeInstanceOf(TaskChangeDeniedError);
    expect(denied.message).toBe('Assigning the task was refused by the process: on leave');
    expect(round(new ConflictError('busy', 'TASK_BUSY'))).toMatchObject({ constructor: ConflictError, code: 'TASK_BUSY' });
    expect(round(new Error('secret stack detail')).message).not.toContain('secret');
  });
});

describe('POST /internal/engine', () => {
  let url: string;
  let owner = true;
  const ran: unknown[][] = [];
  let close: () => void;

  beforeAll(async () => {
    const app = express().use('/internal', createInternalEngineRouter({
      key, now: () => Date.now(), bodyLimit: '1mb',
      async execute(command, args) {
        if (!owner) throw new NotEngineOwnerError();
        if (command === 'completeUserTask' && args[0] === 'gone') throw new NotFoundError("user task 'gone' not found", 'TASK_NOT_FOUND');
        ran.push([command, ...args]);
        return command === 'startInstance' ? { instanceKey: 'i9', processId: 'p', version: 1 } : undefined;
      },
    }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const forward = httpCommandForwarder({ key, now: () => Date.now() });

  it('runs a signed command on the holder and answers its result', async () => {
    expect(await forward({ address: url, epoch: 1 }, 'startInstance', ['p', { caseId: 'c1' }])).toEqual({ instanceKey: 'i9', processId: 'p', version: 1 });
    expect(ran).toEqual([['startInstance', 'p', { caseId: 'c1' }]]);
  });

  it('answers the holder\'s refusal as the domain error, and a former holder\'s "not the owner" as such', async () => {
    await expect(forward({ address: url, epoch: 1 }, 'completeUserTask', ['gone', {}, { by: 'x' }])).rejects.toBeInstanceOf(NotFoundError);
    owner = false;
    await expect(forward({ address: url, epoch: 1 }, 'cancelInstance', ['i1'])).rejects.toBeInstanceOf(NotEngineOwnerError);
    owner = true;
  });

  it('refuses an unsigned, wrongly signed or replayed request, and unknown commands, running nothing', async () => {
    ran.length = 0;
    const body = JSON.stringify({ command: 'cancelInstance', args: ['i1'] });
    const post = (headers: Record<string, string>, b = body) => fetch(`${url}/internal/engine`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: b });
    expect((await post({})).status).toBe(401);
    const ts = String(Date.now());
    expect((await post({ 'x-engine-timestamp': ts, 'x-engine-signature': sign(commandKey('wrong-secret-'.padEnd(40, 'z')), ts, body) })).status).toBe(401);
    const good = { 'x-engine-timestamp': ts, 'x-engine-signature': sign(key, ts, body) };
    expect((await post(good)).status).toBe(200);
    expect((await post(good)).status).toBe(401); // the same signed request again
    const unknown = JSON.stringify({ command: 'dropDatabase', args: [] });
    expect((await post({ 'x-engine-timestamp': ts, 'x-engine-signature': sign(key, ts, unknown) }, unknown)).status).toBe(400);
    expect(ran).toEqual([['cancelInstance', 'i1']]);
  });
});
