import { zeebeSettingsFrom } from '../../../server/src/config/zeebe.config';
import { createZeebeApi } from '../../../server/src/adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../../server/src/adapters/engine-zeebe/zeebe-engine';

describe('ENGINE=zeebe settings (Camunda 8 SaaS and self-managed)', () => {
  test('SaaS: OAuth client credentials, audience and tenant are read; OAUTH is implied by a client id', () => {
    expect(zeebeSettingsFrom({
      ZEEBE_REST_ADDRESS: 'https://bru-2.zeebe.camunda.io/abc-123', CAMUNDA_CLIENT_ID: 'id', CAMUNDA_CLIENT_SECRET: 'secret',
      CAMUNDA_OAUTH_URL: 'https://login.cloud.camunda.io/oauth/token', CAMUNDA_TOKEN_AUDIENCE: 'zeebe.camunda.io', CAMUNDA_TENANT_ID: 'north',
    })).toEqual({
      restAddress: 'https://bru-2.zeebe.camunda.io/abc-123', tenantId: 'north',
      auth: { strategy: 'OAUTH', clientId: 'id', clientSecret: 'secret', oauthUrl: 'https://login.cloud.camunda.io/oauth/token', audience: 'zeebe.camunda.io' },
    });
  });

  test('self-managed without security, and with basic authentication', () => {
    expect(zeebeSettingsFrom({ ZEEBE_REST_ADDRESS: 'http://zeebe:8080' })).toEqual({ restAddress: 'http://zeebe:8080', auth: { strategy: 'NONE' } });
    expect(zeebeSettingsFrom({ ZEEBE_REST_ADDRESS: 'http://zeebe:8080', CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: 'demo', CAMUNDA_BASIC_AUTH_PASSWORD: 'pw' }))
      .toMatchObject({ auth: { strategy: 'BASIC', username: 'demo', password: 'pw' } });
  });

  test('every problem names its variable', () => {
    expect(zeebeSettingsFrom({})).toEqual({ problems: [expect.stringMatching(/^ZEEBE_REST_ADDRESS: required with ENGINE=zeebe/)] });
    expect(zeebeSettingsFrom({ ZEEBE_REST_ADDRESS: 'zeebe:26500', CAMUNDA_AUTH_STRATEGY: 'KERBEROS' })).toEqual({ problems: [
      expect.stringMatching(/^ZEEBE_REST_ADDRESS: must/), expect.stringMatching(/^CAMUNDA_AUTH_STRATEGY: must be OAUTH/),
    ] });
    expect(zeebeSettingsFrom({ ZEEBE_REST_ADDRESS: 'https://x.example', CAMUNDA_AUTH_STRATEGY: 'OAUTH', CAMUNDA_CLIENT_ID: 'id' })).toEqual({ problems: [
      expect.stringMatching(/^CAMUNDA_CLIENT_SECRET: required/), expect.stringMatching(/^CAMUNDA_OAUTH_URL: required/),
    ] });
  });

  test('an unreachable cluster stops the start with a message naming the address, and readiness says not ready', async () => {
    const api = await createZeebeApi({ restAddress: 'http://127.0.0.1:9', auth: { strategy: 'NONE' } });
    const engine = new ZeebeEngine({ api, clock: { now: () => new Date() } });
    await expect(engine.start()).rejects.toThrow(/ENGINE=zeebe: the Camunda 8 cluster at http:\/\/127\.0\.0\.1:9\/v2 \(ZEEBE_REST_ADDRESS\) cannot be reached.*does not fall back to the embedded engine/);
    expect(await engine.ping()).toBe(false);
    await engine.stop();
  });
});
