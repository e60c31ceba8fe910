// Public surface of the schools' data feature: the shell mounts SchoolsArea at /schools (view-cases).
export { SchoolsArea } from './schools-area';
