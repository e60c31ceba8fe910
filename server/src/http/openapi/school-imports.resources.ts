// The OpenAPI operations of schools' data imports (issue 22), from the schemas school-imports.routes.ts parses with.
import { decisionBodySchema, proposalsQuerySchema, schoolImportBodySchema } from '../school-imports.routes';
import { action, type ApiResource } from './api-operation';
import { SchoolImportAnswer, SchoolProposalAnswer, SchoolProposalList } from './records-schemas';

export const SCHOOL_IMPORTS: ApiResource = {
  tag: "Schools' data", base: '/api/school-imports',
  description: "A school's CSV export (attendance, exclusions, free school meals, SEN provision) matched to children; each change is proposed for review before it amends the Education section.",
  operations: [
    { method: 'post', path: '', summary: "Import a school's CSV file (the file's text in the body) as proposals", access: action('view-cases'), body: schoolImportBodySchema, status: 201, errors: [413], response: SchoolImportAnswer },
    { method: 'get', path: '/proposals', summary: "List proposals of your teams' cases", access: action('view-cases'), query: proposalsQuerySchema, response: SchoolProposalList },
    { method: 'post', path: '/proposals/:id/accept', summary: "Accept a proposal: the child's Education section is amended", access: action('view-cases'), body: decisionBodySchema, errors: [404, 409], response: SchoolProposalAnswer },
    { method: 'post', path: '/proposals/:id/reject', summary: 'Reject a proposal: the record stays as it is', access: action('view-cases'), body: decisionBodySchema, errors: [404, 409], response: SchoolProposalAnswer },
  ],
};
