// The Monitor area, mounted by the shell at /monitor/*: a version's running instances on its diagram,
// and one instance.
import { Route, Routes } from 'react-router-dom';
import { InstancePage } from './instance-page';
import { MonitorPage } from './monitor-page';
import './monitor.css';

export function MonitorArea() {
  return (
    <Routes>
      <Route index element={<MonitorPage />} />
      <Route path="instances/:key" element={<InstancePage />} />
    </Routes>
  );
}
