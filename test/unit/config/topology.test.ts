// TOPOLOGY is stated once (issue 19): defaulted from the database, validated, and the docs table follows it.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/src/config/env.config';
import { SOLE_SERVER_MEMORY, engineNeedsLease, seesEveryWrite } from '../../../server/src/config/topology';

const root = '/srv/yjs';
const uri = 'mongodb://db.internal:27017';

describe('TOPOLOGY', () => {
  it('defaults to single on the embedded database and to shared with a MONGODB_URI', () => {
    expect(loadConfig({}, root).TOPOLOGY).toBe('single');
    expect(loadConfig({ MONGODB_URI: uri }, root).TOPOLOGY).toBe('shared');
  });

  it('takes single with a MONGODB_URI only when the operator says so', () => {
    expect(loadConfig({ MONGODB_URI: uri, TOPOLOGY: 'single' }, root).TOPOLOGY).toBe('single');
    expect(loadConfig({ MONGODB_URI: uri, TOPOLOGY: 'shared' }, root).TOPOLOGY).toBe('shared');
  });

  it('refuses shared without a MONGODB_URI, and unknown values, naming the variable', () => {
    expect(() => loadConfig({ TOPOLOGY: 'shared' }, root)).toThrow(ConfigError);
    expect(() => loadConfig({ TOPOLOGY: 'shared' }, root)).toThrow(/TOPOLOGY: shared needs MONGODB_URI/);
    expect(() => loadConfig({ TOPOLOGY: 'cluster' }, root)).toThrow(/TOPOLOGY: must be 'single' .* or 'shared'.*\(got "cluster"\)/);
  });

  it('derives what each module is told from the one setting', () => {
    expect([seesEveryWrite('single'), engineNeedsLease('single')]).toEqual([true, false]);
    expect([seesEveryWrite('shared'), engineNeedsLease('shared')]).toEqual([false, true]);
  });

  it('validates the engine lease settings', () => {
    expect(loadConfig({}, root).ENGINE_LEASE_SECONDS).toBe(15);
    expect(() => loadConfig({ ENGINE_LEASE_SECONDS: '1' }, root)).toThrow(/ENGINE_LEASE_SECONDS: must be a number of seconds between 2 and 300/);
    expect(() => loadConfig({ INTERNAL_URL: 'not a url' }, root)).toThrow(/INTERNAL_URL/);
  });

  it('docs/topology.md shows every row of the sole server\'s memory table', () => {
    const page = fs.readFileSync(path.join(__dirname, '../../../docs/topology.md'), 'utf8');
    for (const row of SOLE_SERVER_MEMORY) {
      expect(page).toContain(`| ${row.what} | \`${row.where}\` | ${row.shared} |`);
    }
  });
});
