// The Mailer port over nodemailer's SMTP transport. The Message-ID is set by us (from the outbox key),
// never generated per send, so a resend after a crash carries the same id and receivers can dedupe.
import { createTransport } from 'nodemailer';
import type { Mailer, OutgoingMail } from '../../ports/mailer.port';

export interface NodemailerOptions {
  /** smtp://user:pass@host:587 or smtps://…:465, as SMTP_URL. */
  url: string;
  from: string;
  /** Give up on a silent server quickly: the outbox retries later anyway. */
  timeoutMs?: number;
}

export class NodemailerMailer implements Mailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(private readonly options: NodemailerOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    // `url` plus explicit options: a connection string cannot carry timeouts.
    this.transport = createTransport({ url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
  }

  close(): void {
    this.transport.close();
  }
}
