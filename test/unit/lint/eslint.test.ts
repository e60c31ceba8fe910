// `npm test` lints the tree: ESLint (eslint.config.mjs) runs as a child process, so a broken rule fails the run
// with the place, the rule and the message. The cache (git-ignored .cache/eslint/) keys on file contents, so a
// second run on a developer's machine only re-lints what changed; CI's fresh clone lints everything.
import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface LintMessage { line?: number; column?: number; ruleId: string | null; message: string }
interface LintResult { filePath: string; messages: LintMessage[] }

function eslint(args: string[], stdin?: string): Promise<{ code: number; results: LintResult[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [eslintBin, '--format', 'json', ...args], { cwd: root, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      let results: LintResult[] = [];
      try {
        results = JSON.parse(stdout) as LintResult[];
      } catch {
        // No JSON: ESLint could not start (a broken config); stderr says why.
      }
      resolve({ code, results, stderr: `${stderr}${error && !results.length ? `\n${error.message}` : ''}` });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

const where = (results: LintResult[]) =>
  results.flatMap((f) => f.messages.map((m) => `${path.relative(root, f.filePath)}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId ?? 'eslint'} ${m.message}`));

describe('ESLint', () => {
  it('finds nothing to report in the server, client, tests and scripts', async () => {
    const { code, results, stderr } = await eslint(['--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', '.cache/eslint/', '.']);
    expect(where(results)).toEqual([]);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    // The gate covers every area (an ignore pattern that swallowed one would pass silently).
    const linted = results.map((f) => path.relative(root, f.filePath));
    for (const area of ['server/src/', 'client/src/', 'test/', 'scripts/']) expect(linted.some((f) => f.startsWith(area))).toBe(true);
    expect(linted.some((f) => f.startsWith('node_modules/') || f.startsWith('client/dist/') || f.startsWith('tools/'))).toBe(false);
  }, 300_000);

  it('reports an unused binding, console output in the server and a needless disable comment', async () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      'export function greet(name: string): string {',
      '  console.log(name);',
      '  // eslint-disable-next-line @typescript-eslint/no-explicit-any',
      '  return `Hello ${name}`;',
      '}',
      '',
    ].join('\n');
    const { code, results } = await eslint(['--stdin', '--stdin-filename', 'server/src/lint-probe.ts'], source);
    expect(code).toBe(1);
    expect(where(results)).toHaveLength(3);
    expect(where(results).join('\n')).toMatch(/:1:10 @typescript-eslint\/no-unused-vars [^\n]*readFileSync/);
    expect(where(results).join('\n')).toMatch(/:3:3 no-console /);
    expect(where(results).join('\n')).toMatch(/:4:3 eslint Unused eslint-disable directive/);
  }, 120_000);
});
