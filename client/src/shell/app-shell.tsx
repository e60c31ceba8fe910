import { NavLink, Route, Routes } from 'react-router-dom';
import { useReadiness } from './use-readiness';

const sections = [
  { path: '/tasks', label: 'Tasks' },
  { path: '/cases', label: 'Cases' },
  { path: '/processes', label: 'Processes' },
  { path: '/forms', label: 'Forms' },
  { path: '/timescales', label: 'Timescales' },
  { path: '/admin', label: 'Admin' },
];

const statusText: Record<string, string> = {
  checking: 'Checking the service…',
  ready: 'Service ready',
  'not-ready': 'Database not answering: changes cannot be saved',
  unreachable: 'Server unreachable',
};

function StatusBadge() {
  const r = useReadiness();
  return (
    <p className={`status status-${r.state}`} role="status" data-testid="readiness" data-state={r.state}>
      {statusText[r.state]}
      {r.databaseKind && r.state === 'ready' ? ` (database: ${r.databaseKind})` : ''}
    </p>
  );
}

function Home() {
  return (
    <section>
      <h1>Youth Justice Workflow</h1>
      <p>Task queues, case records and statutory processes for the Youth Justice Service.</p>
    </section>
  );
}

function Placeholder({ title }: { title: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>This area is not available yet.</p>
    </section>
  );
}

export function App() {
  return (
    <div className="shell">
      <header className="shell-header">
        <a className="brand" href="/">
          YJS Workflow
        </a>
        <nav aria-label="Main">
          {sections.map((s) => (
            <NavLink key={s.path} to={s.path}>
              {s.label}
            </NavLink>
          ))}
        </nav>
        <StatusBadge />
      </header>
      <main className="shell-main">
        <Routes>
          <Route path="/" element={<Home />} />
          {sections.map((s) => (
            <Route key={s.path} path={`${s.path}/*`} element={<Placeholder title={s.label} />} />
          ))}
          <Route path="*" element={<Placeholder title="Page not found" />} />
        </Routes>
      </main>
    </div>
  );
}
