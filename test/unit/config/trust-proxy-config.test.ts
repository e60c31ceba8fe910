// TRUST_PROXY decides whose X-Forwarded-For is believed, and so which address the sign-in rate limit
// counts. Off unless set; "true" (believe anyone) is refused.
import { ConfigError, loadConfig } from '../../../server/src/config/env.config';

describe('TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(loadConfig({}, '/srv').TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }, '/srv').TRUST_PROXY).toBe(false);
  });

  it('takes a hop count or a list of proxy names, addresses and subnets', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }, '/srv').TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }, '/srv').TRUST_PROXY).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }, '/srv').TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
  });

  it.each(['true', 'yes', '0', 'proxy.example', '10.0.0.300'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value }, '/srv')).toThrow(/TRUST_PROXY: must be 'false', a number of proxy hops/);
  });
});
