// One tab of a case record in words: each value with its label from the deployed forms, options by their
// labels, dates in the one format, and where it came from (the task's form, linked, or who corrected it).
// Repeating entities (victims, orders…) are lists of items (collection-view.tsx). Those who may write the
// section get "Correct a value": a known field picked by its label, with an input of the field's type.
import { AmendForm } from './amend-form';
import { show, type CaseDto, type CaseWordsDto, type FieldWordsDto, type SectionDto, type SourceWordsDto } from './cases-api';
import { CollectionView, SourceOf } from './collection-view';
import { valueText } from './case-words';
import { Link } from 'react-router-dom';
import { formatDate } from '../../shell/format';

export interface SectionViewProps {
  caseId: string;
  section: string;
  state?: SectionDto;
  words?: CaseWordsDto;
  writable: boolean;
  onChanged(next: CaseDto): void;
}

/** Where a value came from, in words: "From Record a referral order, by Cara Case · 2 December 2026". */
export function SourceWords({ src }: { src?: SourceWordsDto }) {
  if (!src) return null;
  return <>{src.taskId ? <Link to={`/tasks/${encodeURIComponent(src.taskId)}`}>{src.text}</Link> : src.text}{` · ${formatDate(src.at)}`}</>;
}

export function FieldRows({ fields }: { fields: FieldWordsDto[] }) {
  return (
    <dl className="govuk-summary-list">
      {fields.map((f) => (
        <div className="govuk-summary-list__row" key={f.key}>
          <dt className="govuk-summary-list__key">{f.label}</dt>
          <dd className="govuk-summary-list__value">{valueText(f.value)}</dd>
          <dd className="govuk-summary-list__actions app-source"><SourceWords src={f.source} /></dd>
        </div>
      ))}
    </dl>
  );
}

export function SectionView({ caseId, section, state, words, writable, onChanged }: SectionViewProps) {
  const worded = words?.sections[section];
  const correctable = words?.correctable[section];
  const empty = worded ? !worded.fields.length && !worded.collections.length : !Object.keys(state?.values ?? {}).length && !Object.keys(state?.collections ?? {}).length;
  return (
    <div>
      {empty && <p className="muted">Nothing recorded yet.</p>}
      {worded ? <FieldRows fields={worded.fields} /> : <RawRows state={state} />}
      {worded
        ? worded.collections.map((c) => (
          <CollectionView key={c.name} caseId={caseId} section={section} name={c.name} title={c.title} items={c.items} fields={correctable?.items[c.name] ?? []} writable={writable} onChanged={onChanged} />
        ))
        : null}
      {writable && <AmendForm caseId={caseId} section={section} fields={correctable?.fields ?? []} onChanged={onChanged} />}
    </div>
  );
}

/** Without words (an older server): labels as stored, else keys. */
function RawRows({ state }: { state?: SectionDto }) {
  const labels = state?.labels?.fields ?? {};
  return (
    <dl className="govuk-summary-list">
      {Object.entries(state?.values ?? {}).map(([field, value]) => (
        <div className="govuk-summary-list__row" key={field}>
          <dt className="govuk-summary-list__key">{labels[field] ?? field}</dt>
          <dd className="govuk-summary-list__value">{show(value)}</dd>
          <dd className="govuk-summary-list__actions app-source"><SourceOf src={state?.sources[field]} /></dd>
        </div>
      ))}
    </dl>
  );
}
