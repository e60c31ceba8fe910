// A collection of a case section (victims, orders, hearings…) as a list of items: each item a summary
// list (GOV.UK pattern: label, value, where it came from) under its own heading, so two victims' answers
// never read as one. Correcting keeps parity with the section's flat values: the same typed form, opened
// per item ("Correct this item") or for a new item; <details> opens by keyboard and the rows wrap at 390 px.
import { Link } from 'react-router-dom';
import { formatDate } from '../../shell/format';
import { AmendForm } from './amend-form';
import type { CaseDto, CatalogueFieldDto, ItemWordsDto, ValueSourceDto } from './cases-api';
import { FieldRows } from './section-view';

interface Props {
  caseId: string;
  section: string;
  name: string;
  title: string;
  items: ItemWordsDto[];
  /** The item fields the reader may correct (labels, types, options). */
  fields: CatalogueFieldDto[];
  writable: boolean;
  onChanged(next: CaseDto): void;
}

/** Where a value came from, for a server without words: the task (linked) or "Corrected", and when. */
export function SourceOf({ src }: { src?: ValueSourceDto }) {
  if (!src) return null;
  return <>{src.taskId ? <Link to={`/tasks/${encodeURIComponent(src.taskId)}`}>From a task</Link> : 'Corrected'}{` · ${formatDate(src.at)}`}</>;
}

export function CollectionView({ caseId, section, name, title, items, fields, writable, onChanged }: Props) {
  const headingId = `collection-${section}-${name}`;
  return (
    <section className="case-collection" aria-labelledby={headingId}>
      <h3 id={headingId}>{title} <span className="muted">({items.length})</span></h3>
      {items.length === 0 && <p className="muted">None recorded yet.</p>}
      <ol className="collection-items">
        {items.map((item) => (
          <li key={item.id} data-testid={`item-${item.id}`}>
            <h4>{item.label}</h4>
            <FieldRows fields={item.fields} />
            {writable && (
              <details className="amend-item">
                <summary>Correct this item<span className="visually-hidden">: {item.label}</span></summary>
                <AmendForm caseId={caseId} section={section} fields={fields} onChanged={onChanged} target={{ collection: name, itemId: item.id, title: `Correct ${item.label}` }} />
              </details>
            )}
          </li>
        ))}
      </ol>
      {writable && (
        <details className="amend-item">
          <summary>Add an item to {title.toLowerCase()}</summary>
          <AmendForm caseId={caseId} section={section} fields={fields} onChanged={onChanged} target={{ collection: name, title: `Add an item to ${title.toLowerCase()}` }} />
        </details>
      )}
    </section>
  );
}
