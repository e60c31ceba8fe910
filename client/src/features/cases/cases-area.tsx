// The cases area, mounted by the shell at /cases/*: the cases list and search, a new referral, the referrals portals
// sent that are held for a decision, one case record per route.
import { Route, Routes } from 'react-router-dom';
import { CaseListPage } from './case-list-page';
import { CasePage } from './case-page';
import { HeldReferralsPage } from './held-referrals-page';
import { NewReferralPage } from './new-referral-page';
import './cases.css';
import './case-list.css';
import './referral.css';

export function CasesArea() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="new" element={<NewReferralPage />} />
      <Route path="held" element={<HeldReferralsPage />} />
      <Route path=":caseId" element={<CasePage />} />
    </Routes>
  );
}
