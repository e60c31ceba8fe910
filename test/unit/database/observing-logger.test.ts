// Database errors that background work logs (through the modules' logger, children included) count for
// /readyz; other errors and the duplicate keys repositories expect do not; the lines are still logged.
import { Writable } from 'node:stream';
import pino from 'pino';
import { MongoServerError, MongoUnexpectedServerResponseError } from 'mongodb';
import { DatabaseFailureLog } from '../../../server/src/adapters/database/database-failures';
import { observingLogger } from '../../../server/src/main/database-lifecycle';

describe('the modules\' logger', () => {
  it('counts the database errors it logs, from children too, and still logs every line', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const failures = new DatabaseFailureLog(30000);
    const logger = observingLogger(pino({ level: 'info' }, sink), (err) => void failures.observe(err));
    const sweep = logger.child({ module: 'escalation' });

    sweep.error({ err: new Error('template missing') }, 'rendering failed');
    sweep.warn({ err: new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }) }, 'planned already');
    expect(failures.recent().count).toBe(0);

    sweep.error({ err: new MongoUnexpectedServerResponseError('BSON element "cursor" is missing') }, 'escalation sweep failed');
    expect(failures.recent()).toMatchObject({ count: 1, last: { message: 'MongoUnexpectedServerResponseError: BSON element "cursor" is missing' } });
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2])).toMatchObject({ module: 'escalation', msg: 'escalation sweep failed' });
    expect(sweep.isLevelEnabled('debug')).toBe(false); // everything else is the logger's own
  });
});
