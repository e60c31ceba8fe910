// One tab of a case record: its latest values, each with where it came from (a linked task's
// submission, or who amended it), its repeating entities as lists of items (collection-view.tsx), plus a
// small form to correct a value when the user may write here. Fields show the label of the form that
// wrote them when the server knows it, else their key.
import { AmendForm } from './amend-form';
import { show, type CaseDto, type SectionDto } from './cases-api';
import { CollectionView, SourceOf } from './collection-view';

export interface SectionViewProps {
  caseId: string;
  section: string;
  state?: SectionDto;
  writable: boolean;
  onChanged(next: CaseDto): void;
}

export function SectionView({ caseId, section, state, writable, onChanged }: SectionViewProps) {
  const entries = Object.entries(state?.values ?? {});
  const collections = Object.entries(state?.collections ?? {});
  const labels = state?.labels?.fields ?? {};
  return (
    <div>
      {entries.length === 0 && collections.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {entries.length > 0 && (
        <table className="section-values">
          <thead><tr><th>Field</th><th>Value</th><th>Source</th></tr></thead>
          <tbody>
            {entries.map(([field, value]) => (
              <tr key={field}>
                <th scope="row">{labels[field] ?? field}</th>
                <td>{show(value)}</td>
                <td className="muted"><SourceOf src={state?.sources[field]} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {collections.map(([name, items]) => (
        <CollectionView key={name} caseId={caseId} section={section} name={name} items={items} labels={state?.labels?.items?.[name] ?? {}} writable={writable} onChanged={onChanged} />
      ))}
      {writable && <AmendForm caseId={caseId} section={section} onChanged={onChanged} />}
    </div>
  );
}
