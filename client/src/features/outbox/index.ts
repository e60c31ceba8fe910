// Public surface of the outbox feature for the app shell (admin area).
export { OutboxPage } from './outbox-page';
export { CaughtMailList } from './caught-mail-list';
