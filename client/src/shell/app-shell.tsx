import { useEffect, useState, type ReactElement } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { AgreementsPage, PermissionsPage, ServiceAccountsPage, TeamsPage, UsersPage, WebhooksPage } from '../features/admin';
import { AuditPage } from '../features/audit';
import { ChangePasswordPage, RequireSession, SessionProvider, UserMenu, useSession } from '../features/auth';
import { CasesArea } from '../features/cases';
import { DashboardPage } from '../features/dashboard';
import { EscalationPolicyPage, NotificationPreferencePanel } from '../features/escalation';
import { FormsAreaForSession } from '../features/forms';
import { ProcessesArea } from '../features/modeller';
import { MonitorArea } from '../features/monitor';
import { OutboxPage } from '../features/outbox';
import { TasksArea } from '../features/tasks';
import { TimescalesPage } from '../features/timescales';
import { ReportsPage } from '../features/reports';
import { ReturnsPage } from '../features/returns';
import { SchoolsArea } from '../features/schools';
import { RetentionPage } from '../features/retention';
import { SarArea } from '../features/sar';
import { NAV_SECTIONS } from './nav-sections';
import { ReadinessBadge } from './readiness-badge';
import { MAIN_ID, RouteFocus, SkipLink } from './route-focus';

function MainNav() {
  const session = useSession();
  // On a phone the list folds behind a Menu button (GOV.UK service navigation); CSS shows it open on wider screens.
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  if (!session.user) return null;
  const section = NAV_SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.path;
  return (
    <nav aria-label="Main" className="govuk-service-navigation__wrapper">
      <button type="button" className="govuk-service-navigation__toggle" aria-expanded={open} aria-controls="main-nav-list" onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <ul id="main-nav-list" className={open ? 'govuk-service-navigation__list' : 'govuk-service-navigation__list govuk-service-navigation__list--closed'}>
        {NAV_SECTIONS.filter((s) => !s.action || session.can(s.action)).map((s) => (
          <li key={s.path} className={s.path === section ? 'govuk-service-navigation__item govuk-service-navigation__item--active' : 'govuk-service-navigation__item'}>
            <NavLink to={s.path} className="govuk-service-navigation__link" aria-current={s.path === section ? 'page' : undefined}>{s.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountPage() {
  return (
    <>
      <ChangePasswordPage />
      <NotificationPreferencePanel />
    </>
  );
}

const guarded = (element: ReactElement, action?: string) => <RequireSession action={action}>{element}</RequireSession>;

export function App() {
  return (
    <SessionProvider>
      <SkipLink />
      <RouteFocus />
      <div className="shell">
        <header className="govuk-service-navigation app-header">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <a className="govuk-service-navigation__link" href="/">
                  YJS Workflow
                </a>
              </span>
              <MainNav />
              <div className="app-header__end">
                <ReadinessBadge />
                <UserMenu />
              </div>
            </div>
          </div>
        </header>
        <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id={MAIN_ID} tabIndex={-1}>
          <Routes>
            <Route path="/" element={guarded(<DashboardPage />)} />
            <Route path="/tasks/*" element={guarded(<TasksArea />)} />
            <Route path="/cases/*" element={guarded(<CasesArea />, 'view-cases')} />
            <Route path="/forms/*" element={guarded(<FormsAreaForSession />)} />
            <Route path="/processes/*" element={guarded(<ProcessesArea />, 'deploy-process')} />
            <Route path="/monitor/*" element={guarded(<MonitorArea />, 'resolve-incident')} />
            <Route path="/timescales/*" element={guarded(<TimescalesPage />)} />
            <Route path="/reports/*" element={guarded(<ReportsPage />, 'view-reports')} />
            <Route path="/returns/*" element={guarded(<ReturnsPage />, 'submit-returns')} />
            <Route path="/schools/*" element={guarded(<SchoolsArea />, 'view-cases')} />
            <Route path="/escalation/*" element={guarded(<EscalationPolicyPage />)} />
            <Route path="/outbox/*" element={guarded(<OutboxPage />, 'administer-users')} />
            <Route path="/admin/permissions/*" element={guarded(<PermissionsPage />, 'administer-users')} />
            <Route path="/admin/teams/*" element={guarded(<TeamsPage />, 'administer-users')} />
            <Route path="/admin/service-accounts/*" element={guarded(<ServiceAccountsPage />, 'administer-users')} />
            {/* Agreements are the DPO's (view-audit is the DPO's action); admins choose among them on the webhooks page. */}
            <Route path="/admin/sharing-agreements/*" element={guarded(<AgreementsPage />, 'view-audit')} />
            <Route path="/admin/webhooks/*" element={guarded(<WebhooksPage />, 'administer-users')} />
            <Route path="/admin/*" element={guarded(<UsersPage />, 'administer-users')} />
            <Route path="/audit/*" element={guarded(<AuditPage />, 'view-audit')} />
            <Route path="/retention/*" element={guarded(<RetentionPage />, 'manage-legal-holds')} />
            <Route path="/sar/*" element={guarded(<SarArea />, 'export-sar')} />
            <Route path="/account/*" element={guarded(<AccountPage />)} />
            <Route
              path="*"
              element={
                <section>
                  <h1>Page not found</h1>
                  <p>
                    There is nothing at this address. Go to <NavLink to="/tasks">your tasks</NavLink>.
                  </p>
                </section>
              }
            />
          </Routes>
        </main>
        </div>
      </div>
    </SessionProvider>
  );
}
