// Schools' data: the upload page and the review list, with a sub-navigation between them.
import { NavLink, Route, Routes } from 'react-router-dom';
import { SchoolProposalsPage } from './school-proposals-page';
import { SchoolUploadPage } from './school-upload-page';

export function SchoolsArea() {
  return (
    <>
      <nav aria-label="Schools' data" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list schools-subnav">
          <li><NavLink className="govuk-link" to="/schools" end>Import a school's file</NavLink></li>
          <li><NavLink className="govuk-link" to="/schools/proposals">Review proposals</NavLink></li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<SchoolUploadPage />} />
        <Route path="proposals" element={<SchoolProposalsPage />} />
      </Routes>
    </>
  );
}
