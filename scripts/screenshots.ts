// Regenerates the README screenshots from a running server: `npx tsx scripts/screenshots.ts [url]`.
import path from 'node:path';
import { launchBrowser } from '../test/support/browser';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.resolve(__dirname, '..', 'docs', 'screenshots');

const pages: Array<{ name: string; path: string; width: number }> = [
  { name: 'shell', path: '/', width: 1200 },
  { name: 'shell-phone', path: '/', width: 390 },
];

async function main() {
  const browser = await launchBrowser();
  for (const p of pages) {
    const page = await browser.newPage({ viewport: { width: p.width, height: 700 } });
    await page.goto(`${base}${p.path}`);
    await page.waitForSelector('[data-testid="readiness"][data-state="ready"]', { timeout: 10000 }).catch(() => undefined);
    await page.screenshot({ path: path.join(out, `${p.name}.png`) });
    await page.close();
  }
  await browser.close();
}

void main();
