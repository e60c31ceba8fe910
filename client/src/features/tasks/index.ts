// Public surface of the tasks feature for the app shell.
export { TasksArea } from './tasks-area';
export { QueuePage } from './queue-page';
export { TaskPage } from './task-page';
export { tasksApi, type TaskDto, type TaskViewDto, type QueueName } from './tasks-api';
