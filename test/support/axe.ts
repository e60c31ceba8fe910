// axe-core in the browser tests: the npm package's axe.min.js is injected into the page as a script (nothing
// is downloaded) and run against the page as it stands. A test fails with a list a person can act on — rule,
// the element (CSS selector), what to fix — for every serious or critical violation; minor and moderate
// ones are left to review (axe's own impact scale, as GOV.UK teams use it). WCAG 2.2's target size rule
// (interactive targets at least 24 px, or spaced) is switched on, which axe leaves off by default.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

let axeSource: string | undefined;
function source(): string {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeOptions {
  /** Where to look (a CSS selector); the whole document by default. */
  include?: string;
  /** Rule ids not to run here, each with a reason in the calling test. */
  disableRules?: string[];
  /** A label for the failure message ("tasks page, phone"). */
  label?: string;
}

export interface AxeFinding { id: string; impact: string; help: string; helpUrl: string; targets: string[] }

/** Every serious or critical violation axe finds on the page now. */
export async function seriousAxeViolations(page: Page, opts: AxeOptions = {}): Promise<AxeFinding[]> {
  const loaded = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!(await loaded())) {
    await page.addScriptTag({ content: source() }).catch(() => undefined);
    // The product's Content-Security-Policy (script-src 'self') refuses an inline script tag; evaluating the
    // same source through the DevTools protocol is not subject to it.
    if (!(await loaded())) await page.evaluate(source());
  }
  return page.evaluate(async ({ include, disableRules }) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; helpUrl: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    // WCAG 2.2's target size (24 px) is off in axe by default; this service asks for it (issue 18).
    const rules: Record<string, { enabled: boolean }> = { 'target-size': { enabled: true } };
    for (const id of disableRules ?? []) rules[id] = { enabled: false };
    const result = await axe.run(include ? { include: [include] } : document, { rules, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, { include: opts.include, disableRules: opts.disableRules });
}

/** Readable: one line per rule, then each element it found. */
export function describeAxeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.impact} ${f.id}: ${f.help} (${f.helpUrl})\n${f.targets.map((t) => `    at ${t}`).join('\n')}`)
    .join('\n');
}

/** Fails the test with the list of serious and critical axe violations on the page, if any. */
export async function expectNoSeriousAxeViolations(page: Page, opts: AxeOptions = {}): Promise<void> {
  const findings = await seriousAxeViolations(page, opts);
  if (findings.length > 0) {
    const where = opts.label ?? page.url();
    throw new Error(`axe found ${findings.length} serious or critical accessibility violation(s) on ${where}:\n${describeAxeFindings(findings)}`);
  }
}
