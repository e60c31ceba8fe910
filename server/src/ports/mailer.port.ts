export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Stable id so a resend after a crash can be recognised by the receiving side. */
  messageId: string;
}

/** Sends one message; rejects when the transport failed so the outbox can retry. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}
