import type { Page, PageRequest } from './repository.port';

/** A message the embedded SMTP catcher received (no SMTP_URL: nothing leaves the machine). */
export interface CaughtMail {
  id: string;
  messageId?: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  receivedAt: string;
}

export interface CaughtMailRepository {
  record(mail: Omit<CaughtMail, 'id'>): Promise<void>;
  list(page: PageRequest): Promise<Page<CaughtMail>>;
}
