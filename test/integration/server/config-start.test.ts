import { runServer } from '../../support/server-process';

describe('starting with invalid configuration', () => {
  it('stops with a message naming PORT and what is allowed', async () => {
    const run = runServer({ PORT: 'eighty' });
    const code = await run.exited;
    expect(code).toBe(78);
    expect(run.output()).toMatch(/PORT: must be a whole number between 1 and 65535 \(got "eighty"\)/);
    expect(run.output()).toMatch(/README\.md, "Configuration"/);
  });

  it('names every invalid variable at once', async () => {
    const run = runServer({ PORT: '0', ENGINE: 'camunda7' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT:/);
    expect(run.output()).toMatch(/ENGINE:/);
  });
});
