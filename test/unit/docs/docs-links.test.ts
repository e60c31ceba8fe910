// The README and docs/ stay true to the tree: every relative link and image points at a file that exists (and
// a heading that exists, for #anchors), every repository path written in `code` exists, the configuration
// table lists exactly the variables of the environment schema with their defaults, and the two commands are
// the ones package.json and .ci/run use.
import fs from 'node:fs';
import path from 'node:path';
import { envSchema } from '../../../server/src/config/env.config';
import { zeebeEnvSchema } from '../../../server/src/config/zeebe.config';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

function markdownFiles(): string[] {
  const docs = fs.existsSync(path.join(root, 'docs'))
    ? fs.readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join('docs', f))
    : [];
  return ['README.md', ...docs];
}

/** The text outside fenced code blocks (links inside them are examples, not links). */
const withoutFences = (md: string) => md.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of withoutFences(md).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function linksOf(md: string): string[] {
  const text = withoutFences(md).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

describe('README and docs/', () => {
  const files = markdownFiles();

  it('has the docs the README sends readers to', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s: every relative link and image points at an existing file and heading', (file) => {
    const md = read(file);
    const broken: string[] = [];
    for (const link of linksOf(md)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // http:, https:, mailto:
      const [target, anchor] = link.split('#');
      const resolved = target ? path.join(path.dirname(file), decodeURIComponent(target)) : file;
      if (!fs.existsSync(path.join(root, resolved))) {
        broken.push(`${link} (no file ${resolved})`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) {
        broken.push(`${link} (no heading #${anchor} in ${resolved})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(files)('%s: every repository path written in code exists', (file) => {
    const text = withoutFences(read(file));
    const paths = [...text.matchAll(/`((?:test|server|client|scripts|tools|processes|forms|docs|\.ci)\/[^`\s]+)`/g)]
      .map((m) => m[1].replace(/[.,;:]$/, ''))
      .filter((p) => !/[*<>…{}|]/.test(p)); // patterns such as processes/*.bpmn or test/e2e/<role>/
    const missing = paths.filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });
});

describe('README: configuration', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Configuration'));
  // The first table of the section is the schema's; the second lists variables read outside it.
  const schemaTable = section.split(/\n\n(?=Other variables)/)[0];
  const rows = new Map(
    [...schemaTable.matchAll(/^\| `([A-Z_]+)` \| ([^|]*) \|/gm)].map((m) => [m[1], m[2].trim()] as const),
  );

  it('lists every variable of the environment schema, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it("gives each variable the schema's default", () => {
    const defaults = envSchema.parse({}) as Record<string, unknown>;
    const wrong = Object.entries(defaults)
      .filter(([, value]) => value !== undefined)
      .filter(([name, value]) => !(rows.get(name) ?? '').includes(`\`${String(value)}\``))
      .map(([name, value]) => `${name}: schema default ${String(value)}, README says ${rows.get(name)}`);
    expect(wrong).toEqual([]);
  });

  it('lists the Camunda 8 variables (ENGINE=zeebe) under Running on Camunda 8, and no other', () => {
    const camunda = section.slice(section.indexOf('### Running on Camunda 8'), section.indexOf('\n## ', section.indexOf('### Running on Camunda 8')));
    const names = [...camunda.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(Object.keys(zeebeEnvSchema.shape).sort());
  });
});

describe('README: the two commands', () => {
  it('are the npm scripts, and npm test is what CI runs', () => {
    const readme = read('README.md');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(readme).toMatch(/^npm start\s/m);
    expect(readme).toMatch(/^npm test\s/m);
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    expect(read('.ci/run')).toMatch(/^npm test\b/m);
  });
});
