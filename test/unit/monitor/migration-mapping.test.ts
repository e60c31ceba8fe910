// The migration panel's mapping text ("source -> target", one a line) as the API receives it.
import { parseMapping } from '../../../client/src/features/monitor/migration-panel';

describe('migration mapping text', () => {
  it('reads one pair a line, with ->, → or =, ignoring blank lines and spaces', () => {
    expect(parseMapping('review -> triage\n\n  waitDocs→waitPapers \ncheck = check2')).toEqual({
      mapping: { review: 'triage', waitDocs: 'waitPapers', check: 'check2' },
    });
    expect(parseMapping('')).toEqual({ mapping: {} });
  });

  it('names the line that is not a pair', () => {
    expect(parseMapping('review -> triage\nreview triage').error).toBe('Line 2: write "source-id -> target-id"');
    expect(parseMapping('-> triage').error).toBe('Line 1: write "source-id -> target-id"');
  });
});
