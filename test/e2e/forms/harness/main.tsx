import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { FormsArea } from '../../../../client/src/features/forms';
// The client's own stylesheet (govuk-frontend), so the forms look and fit as they do in the app.
import '../../../../client/src/shell/app.scss';

createRoot(document.getElementById('root')!).render(
  <BrowserRouter>
    <Routes>
      <Route path="/forms/*" element={<FormsArea />} />
    </Routes>
  </BrowserRouter>,
);
