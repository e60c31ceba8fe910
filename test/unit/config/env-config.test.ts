import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/src/config/env.config';

const root = '/srv/yjs';

describe('configuration schema', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({}, root);
    expect(c.PORT).toBe(3000);
    expect(c.ENGINE).toBe('embedded');
    expect(c.DATA_DIR).toBe(path.join(root, 'data'));
    expect(c.PUBLIC_URL).toBe('http://localhost:3000');
    expect(c.SERVE_CLIENT).toBe(true);
    expect(c.EMBEDDED_DB_SYNC).toBe('interval');
    expect(loadConfig({ EMBEDDED_DB_SYNC: 'commit' }, root).EMBEDDED_DB_SYNC).toBe('commit');
  });

  it.each([
    ['PORT', 'abc', /PORT: must be a whole number between 1 and 65535 \(got "abc"\)/],
    ['PORT', '70000', /PORT/],
    ['ENGINE', 'camunda7', /ENGINE: .*embedded.*zeebe/],
    // ENGINE=zeebe without its cluster's address: refused naming the variable, never the embedded engine (issue 19).
    ['ENGINE', 'zeebe', /ZEEBE_REST_ADDRESS: required with ENGINE=zeebe/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['MONGODB_URI', 'postgres://x', /MONGODB_URI: must start with mongodb:\/\//],
    ['SMTP_URL', 'http://mail', /SMTP_URL/],
    ['PUBLIC_URL', 'not a url', /PUBLIC_URL/],
    ['EMBEDDED_DB_SYNC', 'never', /EMBEDDED_DB_SYNC: must be 'interval' .* or 'commit'/],
  ])('refuses %s=%s with a message naming the variable', (name, value, pattern) => {
    expect(() => loadConfig({ [name]: value }, root)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, root)).toThrow(pattern);
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, root)).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }, root).NODE_ENV).toBe('production');
  });

  it('ENGINE=zeebe carries the validated Camunda 8 settings; each problem names its variable', () => {
    expect(loadConfig({ ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: 'http://zeebe-gateway:8080' }, root).ZEEBE).toEqual({ restAddress: 'http://zeebe-gateway:8080', auth: { strategy: 'NONE' } });
    expect(() => loadConfig({ ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: 'http://zeebe-gateway:8080', CAMUNDA_CLIENT_ID: 'yjs' }, root)).toThrow(/CAMUNDA_CLIENT_SECRET: required with CAMUNDA_AUTH_STRATEGY=OAUTH/);
    expect(loadConfig({ ZEEBE_REST_ADDRESS: 'not a url' }, root).ZEEBE).toBeUndefined(); // only read with ENGINE=zeebe
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }, root).PORT).toBe(3000);
  });
});
