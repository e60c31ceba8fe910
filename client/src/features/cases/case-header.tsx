// The facts a practitioner needs at a glance (issue 18): name, age, reference, allocated worker, current
// orders with their end dates, the latest risk ratings, open tasks and the next deadlines, and banners for
// a legal hold or a reduction to a basic record (consent and restriction: consent-banner.tsx).
import { Link } from 'react-router-dom';
import { formatAge, formatDate, teamName } from '../../shell/format';
import type { CaseDto, CaseHeaderDto } from './cases-api';
import { valueText } from './case-words';

function Banners({ header }: { header: CaseHeaderDto }) {
  if (!header.banners.length) return null;
  return (
    <div className="case-banners">
      {header.banners.map((b) => (
        <p key={`${b.kind}-${b.text}`} className={`case-banner case-banner--${b.kind}`} data-testid={`banner-${b.kind}`}>
          <strong>{b.kind === 'legal-hold' ? 'Legal hold' : 'Basic record'}</strong>{b.since ? ` since ${formatDate(b.since)}` : ''}: {b.text.replace(/^Legal hold: /, '')}
        </p>
      ))}
    </div>
  );
}

export function CaseHeader({ record }: { record: CaseDto }) {
  const h = record.words?.header;
  if (!h) {
    return (
      <header className="case-header">
        <h1>{record.displayName}</h1>
        <p>Born {formatDate(record.dateOfBirth)} · Reference {record.id}</p>
      </header>
    );
  }
  const deadlines = h.openTasks.filter((t) => t.dueDate).slice(0, 3);
  return (
    <header className="case-header">
      <h1>{h.name}</h1>
      <Banners header={h} />
      <dl className="case-facts">
        <div><dt>Age</dt><dd>{formatAge(h.dateOfBirth) || 'Not known'} <span className="muted">(born {formatDate(h.dateOfBirth)})</span></dd></div>
        <div><dt>Reference</dt><dd className="case-reference">{h.reference}</dd></div>
        <div><dt>Allocated worker</dt><dd>{h.allocatedWorker ?? 'Not allocated'}</dd></div>
        <div><dt>Team</dt><dd>{teamName(h.team)}</dd></div>
        <div><dt>Status</dt><dd>{h.status}{h.pathway ? ` · ${h.pathway}` : ''}</dd></div>
        {h.ratings.map((r) => <div key={r.label}><dt>{r.label}</dt><dd>{valueText(r.value)}</dd></div>)}
      </dl>
      {h.orders.length > 0 && (
        <section aria-labelledby="case-orders-heading" className="case-glance">
          <h2 id="case-orders-heading">Current orders</h2>
          <ul>
            {h.orders.map((o) => (
              <li key={o.itemId}>{o.label}{o.type && !o.label.toLowerCase().includes(o.type.toLowerCase()) ? ` (${o.type})` : ''}{o.endDate ? ` — ends ${formatDate(o.endDate)}` : ' — end date not recorded'}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="case-tasks-heading" className="case-glance">
        <h2 id="case-tasks-heading">Open tasks ({h.openTaskCount})</h2>
        {h.openTasks.length === 0 ? <p className="muted">No open tasks.</p> : (
          <ul>
            {h.openTasks.map((t) => (
              <li key={t.id}><Link to={`/tasks/${encodeURIComponent(t.id)}`}>{t.name}</Link>{t.dueDate ? `, due ${formatDate(t.dueDate)}` : ''}{t.assignee ? ` · ${t.assignee}` : ''}</li>
            ))}
          </ul>
        )}
        {deadlines.length > 0 && <p><strong>Next deadline:</strong> {deadlines[0].name}, {formatDate(deadlines[0].dueDate)}</p>}
      </section>
    </header>
  );
}
