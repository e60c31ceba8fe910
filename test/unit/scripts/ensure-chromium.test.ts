// `npm test` on a machine without Chromium: root installs Debian's package (as CI is); anyone else is told
// plainly before the run that the browser tests will fail and how to fix it. Run in a child Node process
// because scripts/lib/prepare.mjs is plain ESM run before node_modules exists.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const prepare = path.resolve(__dirname, '../../../scripts/lib/prepare.mjs');

function ensure(options: Record<string, unknown>, env: Record<string, string> = {}) {
  const script = `import { ensureChromium } from ${JSON.stringify(prepare)};
    const found = ensureChromium(${JSON.stringify(options)});
    process.stdout.write('result=' + String(found) + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm test and Chromium', () => {
  it('says plainly, without trying apt-get, that a non-root user must install Chromium', () => {
    const r = ensure({ chromium: '/usr/bin/chromium-not-here', isRoot: false });
    expect(r.status).toBe(0);
    expect(r.out).toContain('result=undefined');
    expect(r.out).toMatch(/Chromium is not installed at \/usr\/bin\/chromium-not-here and cannot be installed here/);
    expect(r.out).toMatch(/the browser tests \(test\/e2e\) will fail/);
    expect(r.out).toMatch(/apt-get install chromium/);
    expect(r.out).not.toMatch(/installing Debian's chromium/);
  });

  it('does not install over a CHROMIUM_PATH chosen by hand, even as root', () => {
    const r = ensure({ chromium: '/opt/nowhere/chromium', isRoot: true });
    expect(r.out).toMatch(/chosen with CHROMIUM_PATH and does not exist/);
    expect(r.out).not.toMatch(/installing Debian's chromium/);
  });

  it('returns an existing browser without a word', () => {
    const r = ensure({ chromium: process.execPath, isRoot: false });
    expect(r.out.trim()).toBe(`result=${process.execPath}`);
  });
});
