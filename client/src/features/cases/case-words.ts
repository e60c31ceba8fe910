// Words the server prepared, finished here: dates in the one date format (shell/format.ts).
import { formatDate, formatDateTime } from '../../shell/format';
import type { ValueWordsDto } from './cases-api';

export function valueText(v: ValueWordsDto | undefined): string {
  if (!v) return 'Not recorded';
  if (v.date) return formatDate(v.date) || v.text;
  if (v.dateTime) return formatDateTime(v.dateTime) || v.text;
  return v.text;
}
