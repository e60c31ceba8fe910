// The reports' own navigation: timeliness and the key performance indicators are pages of their own (each
// address keeps its place), so plain links marked current, as GOV.UK's sub-navigation does.
import { Link } from 'react-router-dom';
import './reports.css';

const PAGES = [
  { to: '/reports', label: 'Timeliness', id: 'timeliness' },
  { to: '/reports/kpis', label: 'Key performance indicators', id: 'kpis' },
] as const;

export function ReportsNav({ current }: { current: (typeof PAGES)[number]['id'] }) {
  return (
    <nav className="reports-nav" aria-label="Reports">
      <ul>
        {PAGES.map((p) => (
          <li key={p.id}>
            <Link className="govuk-link" to={p.to} aria-current={p.id === current ? 'page' : undefined}>{p.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
