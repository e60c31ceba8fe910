// An SMTP server on loopback that accepts every message and hands it, parsed, to a callback. `npm start`
// without SMTP_URL sends the real emails here (stored for the Outbox page); tests use it as the far end.
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { CaughtMail } from '../../ports/caught-mail.port';

/** A received message as stored for the Outbox page, before it has a storage id. */
export type ParsedMessage = Omit<CaughtMail, 'id'>;

export interface SmtpCatcherOptions {
  onMessage(message: ParsedMessage): Promise<void> | void;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Tests: refuse every message with a temporary error, as a server in trouble would. */
  refuse?: () => boolean;
  now?: () => Date;
}

export interface SmtpCatcher {
  url: string;
  port: number;
  close(): Promise<void>;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);

export async function startSmtpCatcher(options: SmtpCatcherOptions): Promise<SmtpCatcher> {
  const host = options.host ?? '127.0.0.1';
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no STARTTLS offer, so clients never try a self-signed certificate.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (options.refuse?.()) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((m) =>
          options.onMessage({
            messageId: m.messageId,
            from: addresses(m.from)[0] ?? '',
            to: addresses(m.to),
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : undefined,
            receivedAt: (options.now?.() ?? new Date()).toISOString(),
          }),
        )
        .then(() => callback(), (e: Error) => callback(Object.assign(e, { responseCode: 451 })));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return {
    url: `smtp://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
