// Migrating a version's running instances to a later version: a mapping written one pair a line
// ("review -> triage"; ids present in both versions map by themselves), a dry run that lists per
// instance what would be refused and why, then the migration itself.
import { useState } from 'react';
import { monitorApi, type MigrationResult } from './monitor-api';

export interface MigrationPanelProps {
  processId: string;
  fromVersion: number;
  versions: number[];
  /** Only this instance; without it, every running instance of the version. */
  instanceKey?: string;
  /** Called after a real migration with its results (the caller reloads; this panel may then vanish). */
  onDone(results: MigrationResult[]): void;
}

export function parseMapping(text: string): { mapping: Record<string, string>; error?: string } {
  const mapping: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([\w.-]+)\s*(?:->|→|=)\s*([\w.-]+)$/.exec(line);
    if (!m) return { mapping, error: `Line ${i + 1}: write "source-id -> target-id"` };
    mapping[m[1]] = m[2];
  }
  return { mapping };
}

export function MigrationPanel({ processId, fromVersion, versions, instanceKey, onDone }: MigrationPanelProps) {
  const later = versions.filter((v) => v > fromVersion).sort((a, b) => a - b);
  const [toVersion, setTo] = useState<number>(later[0] ?? 0);
  const [text, setText] = useState('');
  const [results, setResults] = useState<{ dryRun: boolean; items: MigrationResult[] }>();
  const [error, setError] = useState<string>();
  const target = later.includes(toVersion) ? toVersion : later[0];
  if (!later.length) return null;

  const run = async (dryRun: boolean) => {
    const { mapping, error: bad } = parseMapping(text);
    setError(bad);
    if (bad) return;
    try {
      const which = instanceKey ? { instanceKeys: [instanceKey] } : { processId, fromVersion };
      const r = await monitorApi.migrate({ ...which, toVersion: target, mapping, dryRun });
      setResults({ dryRun, items: r.results });
      if (!dryRun) onDone(r.results);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="migration-title" className="monitor-panels">
      <form className="monitor-form" onSubmit={(e) => { e.preventDefault(); void run(true); }}>
        <h2 id="migration-title">{instanceKey ? 'Migrate this instance' : `Migrate running instances of version ${fromVersion}`}</h2>
        <label>To version
          <select value={target} onChange={(e) => setTo(Number(e.target.value))}>
            {later.map((v) => <option key={v} value={v}>Version {v}</option>)}
          </select>
        </label>
        <label>Element mapping (one "source -&gt; target" a line)
          <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="review -> triage" />
        </label>
        {error ? <p role="alert">{error}</p> : null}
        <div className="task-actions">
          <button type="submit">Check (dry run)</button>
          <button type="button" onClick={() => void run(false)}>Migrate</button>
        </div>
      </form>
      {results ? (
        <div role="status" aria-label="Migration results">
          <p>{results.dryRun ? 'Dry run' : 'Migration'}: {results.items.filter((r) => !r.problems.length).length} can move{results.dryRun ? '' : ' (moved)'}, {results.items.filter((r) => r.problems.length).length} refused.</p>
          <ul>
            {results.items.map((r) => (
              <li key={r.instanceKey}><MigrationOutcome result={r} /></li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export function MigrationOutcome({ result: r }: { result: MigrationResult }) {
  return <>{r.instanceKey}: {r.problems.length ? <span className="monitor-problems">{r.problems.map((p) => p.message).join('; ')}</span> : r.migrated ? 'migrated' : 'can be migrated'}</>;
}
