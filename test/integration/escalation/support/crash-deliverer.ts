// Child process for the crash test: delivers the outbox and SIGKILLs itself right after the SMTP server
// accepted a message, before "sent" is recorded — the worst moment for exactly-once.
// Usage: node --import tsx crash-deliverer.ts <mongo uri> <db name> <smtp url> <now ISO>
import { MongoOutboxRepository } from '../../../../server/src/adapters/mail/outbox.repository';
import { NodemailerMailer } from '../../../../server/src/adapters/mail/nodemailer.mailer';
import { MongoEscalationPeopleReader, MongoEscalationTaskReader } from '../../../../server/src/adapters/mongo/escalation-readers';
import { MongoEscalationPolicyRepository } from '../../../../server/src/adapters/mongo/escalation-policy.repository';
import { connectMongo } from '../../../../server/src/adapters/mongo/mongo-connection';
import { deliverOutbox } from '../../../../server/src/application/escalation/deliver-outbox';
import { escalationSettings } from '../../../../server/src/application/escalation/escalation-deps';
import { createWorkingCalendar } from '../../../../server/src/domain/calendar';

async function main() {
  const [uri, dbName, smtpUrl, nowIso] = process.argv.slice(2);
  const conn = await connectMongo(uri, dbName);
  const clock = { now: () => new Date(nowIso) };
  await deliverOutbox({
    outbox: new MongoOutboxRepository(conn),
    mailer: new NodemailerMailer({ url: smtpUrl, from: 'YJS <no-reply@yjs.example.gov.uk>', timeoutMs: 2000 }),
    tasks: new MongoEscalationTaskReader(conn),
    people: new MongoEscalationPeopleReader(conn),
    policies: new MongoEscalationPolicyRepository(conn, clock.now),
    calendar: createWorkingCalendar(),
    clock,
    settings: escalationSettings('https://yjs.example.gov.uk'),
    afterSend: () => {
      process.kill(process.pid, 'SIGKILL');
      return new Promise<void>(() => undefined); // never resolves: the kill lands first
    },
  });
  process.stderr.write('crash-deliverer: nothing was sent, so no crash happened\n');
  process.exit(3);
}

main().catch((e) => {
  process.stderr.write(`crash-deliverer failed: ${(e as Error).stack}\n`);
  process.exit(2);
});
