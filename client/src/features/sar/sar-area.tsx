// Routes of the SAR feature: the list (and the new-request form) and one request.
import { Route, Routes } from 'react-router-dom';
import { SarListPage } from './sar-list-page';
import { SarRequestPage } from './sar-request-page';
import './sar.css';

export function SarArea() {
  return (
    <Routes>
      <Route index element={<SarListPage />} />
      <Route path=":key" element={<SarRequestPage />} />
    </Routes>
  );
}
