// The DMN files (decision tables drawn in Camunda Modeler) to deploy with the process: chosen from the
// computer, read as text, listed by name, each removable. The engine checks them with the process and
// deploys them with it, or not at all (docs/dmn.md).
import { useState } from 'react';

export interface DecisionFile { name: string; content: string }

const isDmn = (name: string) => name.toLowerCase().endsWith('.dmn');

/** FileReader rather than Blob.text(): the same in every browser the service supports (and under jsdom). */
const readText = (file: File) => new Promise<string>((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result));
  reader.onerror = () => reject(reader.error);
  reader.readAsText(file);
});

export function DecisionFilesField({ files, onChange }: { files: DecisionFile[]; onChange(files: DecisionFile[]): void }) {
  const [error, setError] = useState<string>();
  const add = async (list: FileList | null) => {
    const picked = await Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, content: await readText(f) })));
    const wrong = picked.filter((f) => !isDmn(f.name)).map((f) => f.name);
    setError(wrong.length ? `${wrong.join(', ')} ${wrong.length === 1 ? 'is not a DMN file' : 'are not DMN files'}: choose files ending .dmn` : undefined);
    const fresh = picked.filter((f) => isDmn(f.name));
    onChange([...files.filter((f) => !fresh.some((p) => p.name === f.name)), ...fresh]);
  };
  return (
    <div className="modeller-decisions">
      <label htmlFor="deploy-decisions">Decision tables to deploy with it (optional)</label>
      <p className="modeller-hint" id="deploy-decisions-hint">
        DMN files (.dmn) from Camunda Modeler that this process&rsquo;s business rule tasks call. They are checked with the process and deploy with it, or not at all.
      </p>
      {error ? <p className="modeller-error" id="deploy-decisions-error"><span className="visually-hidden">Error: </span>{error}</p> : null}
      <input
        id="deploy-decisions" type="file" accept=".dmn" multiple
        aria-describedby={`deploy-decisions-hint${error ? ' deploy-decisions-error' : ''}`}
        onChange={(e) => { void add(e.target.files); e.target.value = ''; }}
      />
      {files.length ? (
        <ul aria-label="Decision tables to deploy">
          {files.map((f) => (
            <li key={f.name}>
              {f.name}{' '}
              <button type="button" onClick={() => onChange(files.filter((x) => x !== f))}>Remove<span className="visually-hidden"> {f.name}</span></button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
