import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { FormsArea } from '../../../../client/src/features/forms';

createRoot(document.getElementById('root')!).render(
  <BrowserRouter>
    <Routes>
      <Route path="/forms/*" element={<FormsArea />} />
    </Routes>
  </BrowserRouter>,
);
