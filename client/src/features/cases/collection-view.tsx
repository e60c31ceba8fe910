// A collection of a case section (victims, orders, hearings…) as a list of items: each item a summary
// list (GOV.UK pattern: label, value, where it came from) under its own heading, so two victims' answers
// never read as one. Amending keeps parity with the section's flat values: the same small form, opened
// per item ("Amend this item") or for a new item; <details> opens by keyboard and the rows wrap at 390 px.
import { Link } from 'react-router-dom';
import { AmendForm } from './amend-form';
import { collectionTitle, show, showDate, type CaseDto, type ItemDto, type ValueSourceDto } from './cases-api';

interface Props {
  caseId: string;
  section: string;
  name: string;
  items: ItemDto[];
  /** Field → label, from the forms that wrote the items. */
  labels: Record<string, string>;
  writable: boolean;
  onChanged(next: CaseDto): void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const valueOf = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v) ? showDate(v) : show(v));

/** Where a value came from: the task's form (linked) or who amended it, and when. */
export function SourceOf({ src }: { src?: ValueSourceDto }) {
  if (!src) return null;
  return (
    <>
      {src.taskId ? <Link to={`/tasks/${encodeURIComponent(src.taskId)}`}>{src.formId} v{src.formVersion}</Link> : `amended by ${src.by}`}
      {` · ${showDate(src.at)}`}
    </>
  );
}

export function CollectionView({ caseId, section, name, items, labels, writable, onChanged }: Props) {
  const title = collectionTitle(name);
  const headingId = `collection-${section}-${name}`;
  return (
    <section className="case-collection" aria-labelledby={headingId}>
      <h3 id={headingId}>{title} <span className="muted">({items.length})</span></h3>
      {items.length === 0 && <p className="muted">None recorded yet.</p>}
      <ol className="collection-items">
        {items.map((item) => (
          <li key={item.id} data-testid={`item-${item.id}`}>
            <h4>{item.label}</h4>
            <dl className="summary-list">
              {Object.entries(item.values).map(([field, value]) => (
                <div className="summary-list-row" key={field}>
                  <dt>{labels[field] ?? field}</dt>
                  <dd>{valueOf(value)}</dd>
                  <dd className="muted"><SourceOf src={item.sources[field]} /></dd>
                </div>
              ))}
            </dl>
            {writable && (
              <details className="amend-item">
                <summary>Amend this item<span className="visually-hidden">: {item.label}</span></summary>
                <AmendForm caseId={caseId} section={section} onChanged={onChanged} target={{ collection: name, itemId: item.id, title: `Amend ${item.label}` }} />
              </details>
            )}
          </li>
        ))}
      </ol>
      {writable && (
        <details className="amend-item">
          <summary>Add an item to {title.toLowerCase()}</summary>
          <AmendForm caseId={caseId} section={section} onChanged={onChanged} target={{ collection: name, title: `Add an item to ${title.toLowerCase()}` }} />
        </details>
      )}
    </section>
  );
}
