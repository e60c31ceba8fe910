// The cases area, mounted by the shell at /cases/*: one case record per route.
import { Route, Routes } from 'react-router-dom';
import { Link } from 'react-router-dom';
import { useSession } from '../auth';
import { CasePage } from './case-page';
import { NewReferralPage } from './new-referral-page';
import './cases.css';

function CasesHome() {
  const session = useSession();
  return (
    <section>
      <h1>Cases</h1>
      <p>Open a case from a task, or follow a case reference link.</p>
      {session.can('create-case') ? <p><Link to="/cases/new">Open a new referral</Link></p> : null}
    </section>
  );
}

export function CasesArea() {
  return (
    <Routes>
      <Route index element={<CasesHome />} />
      <Route path="new" element={<NewReferralPage />} />
      <Route path=":caseId" element={<CasePage />} />
    </Routes>
  );
}
