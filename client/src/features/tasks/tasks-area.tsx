// The tasks area, mounted by the shell at /tasks/*: the queues, and one task.
import { Route, Routes } from 'react-router-dom';
import { QueuePage } from './queue-page';
import { TaskPage } from './task-page';
import './tasks.css';

export function TasksArea() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path=":taskId" element={<TaskPage />} />
    </Routes>
  );
}
