// The OpenAPI operations of forms, submissions, drafts, processes and the monitor. The forms, drafts and
// submissions routes check their input by hand (forms-request.ts): their schemas here describe it.
import { z } from 'zod';
import { deployBody as formDeployBody } from '../forms.routes';
import { cancelBody, listQuery as instancesQuery, messageBody, migrationBody, versionQuery } from '../instances.routes';
import { deployBody, deployDecisionsBody, diffQuery, lintBody } from '../processes.routes';
import { noQuerySchema } from '../tasks-request.schema';
import { action, signedIn, type ApiResource } from './api-operation';
import { Draft, DraftList, FormCheck, FormDeployed, Submission, SubmissionList, SubmissionRead } from './forms-schemas';
import {
  IncidentResolved, InstanceCancelled, InstanceDetailAnswer, InstanceList, MessagePublished, MigrationOutcome, MonitorProcesses, VersionOverviewAnswer,
} from './monitor-schemas';
import { DecisionList, DecisionsDeployed, ProcessDeployed, ProcessDiffAnswer, ProcessLint, ProcessVersions } from './processes-schemas';
import { Form, FormList, FormVersionList, ProcessList } from './response-schemas';

const answers = z.record(z.string(), z.unknown()).describe('The answers, keyed as the form keys them');
const version = z.number().int().min(1);
const about = { taskId: z.string().optional(), caseId: z.string().optional() };
const described = 'described' as const;

export const FORMS: ApiResource = {
  tag: 'Forms', base: '/api/forms', description: 'Form definitions (form-js), their versions, and submitting answers.',
  operations: [
    { method: 'get', path: '', summary: 'List the latest version of every form', access: signedIn, response: FormList },
    { method: 'post', path: '/check', summary: 'Check a form definition without deploying it', access: signedIn, body: z.record(z.string(), z.unknown()).describe('A form-js definition'), input: described, response: FormCheck },
    { method: 'post', path: '', summary: 'Deploy a new version of a form', access: action('deploy-form'), body: formDeployBody, status: 201, also: [{ status: 200, when: 'The same content as the latest version: that version, nothing deployed' }], response: FormDeployed },
    { method: 'get', path: '/:formId', summary: 'Read the latest (or a given) version of a form', access: signedIn, query: z.strictObject({ version: z.string().optional() }), input: described, response: Form },
    { method: 'get', path: '/:formId/versions', summary: 'List the versions of a form', access: signedIn, response: FormVersionList },
    { method: 'get', path: '/:formId/versions/:version', summary: 'Read one version of a form', access: signedIn, response: Form },
    { method: 'post', path: '/:formId/submissions', summary: 'Submit answers to a form', access: signedIn, body: z.strictObject({ data: answers, version: version.optional(), ...about }), input: described, status: 201, response: Submission },
  ],
};

export const SUBMISSIONS: ApiResource = {
  tag: 'Submissions', base: '/api/submissions', description: 'Stored answers (sections you may not read are withheld).',
  operations: [
    { method: 'get', path: '', summary: 'List stored submissions', access: signedIn, query: z.strictObject({ formId: z.string().optional(), ...about, limit: z.string().optional() }), input: described, response: SubmissionList },
    { method: 'get', path: '/:id', summary: 'Read one submission', access: signedIn, response: SubmissionRead },
  ],
};

export const DRAFTS: ApiResource = {
  tag: 'Drafts', base: '/api/drafts', description: 'Your own partial answers, saved without validation.',
  operations: [
    { method: 'get', path: '', summary: 'List my drafts', access: signedIn, query: z.strictObject({ formId: z.string().optional(), ...about }), input: described, response: DraftList },
    { method: 'post', path: '', summary: 'Save a new draft', access: signedIn, body: z.strictObject({ formId: z.string(), version: version.optional(), data: answers, ...about }), input: described, status: 201, errors: [404], response: Draft },
    { method: 'get', path: '/:id', summary: 'Read one of my drafts', access: signedIn, response: Draft },
    { method: 'put', path: '/:id', summary: 'Save a draft again', access: signedIn, body: z.strictObject({ data: answers }), input: described, response: Draft },
    { method: 'delete', path: '/:id', summary: 'Discard a draft', access: signedIn, response: 'none' },
    { method: 'post', path: '/:id/submit', summary: 'Submit a draft (validated in full)', access: signedIn, body: z.strictObject({ data: answers.optional() }), input: described, status: 201, response: Submission },
  ],
};

export const PROCESSES: ApiResource = {
  tag: 'Processes', base: '/api/processes', description: 'BPMN process definitions and the DMN decisions they call.',
  operations: [
    { method: 'get', path: '', summary: 'List deployed processes', access: action('deploy-process'), query: noQuerySchema, response: ProcessList },
    { method: 'post', path: '/lint', summary: "Run the engine's deploy checks on a draft", access: action('deploy-process'), body: lintBody, response: ProcessLint },
    { method: 'post', path: '', summary: 'Deploy a process (with the DMN files it calls)', access: action('deploy-process'), body: deployBody, status: 201, also: [{ status: 200, when: 'Nothing changed: the versions already deployed' }], response: ProcessDeployed },
    { method: 'get', path: '/decisions', summary: 'List every version of every DMN file', access: action('deploy-process'), query: noQuerySchema, response: DecisionList },
    { method: 'post', path: '/decisions', summary: 'Deploy DMN files on their own', access: action('deploy-process'), body: deployDecisionsBody, status: 201, also: [{ status: 200, when: 'Nothing changed: the versions already deployed' }], response: DecisionsDeployed },
    { method: 'get', path: '/:processId/versions', summary: 'List the versions of a process', access: action('deploy-process'), query: noQuerySchema, response: ProcessVersions },
    { method: 'get', path: '/:processId/versions/:version/xml', summary: 'Download the BPMN file of a version', access: action('deploy-process'), query: noQuerySchema, response: 'xml' },
    { method: 'get', path: '/:processId/diff', summary: 'Compare two versions of a process', access: action('deploy-process'), query: diffQuery, response: ProcessDiffAnswer },
  ],
};

const monitor = action('cancel-instance', 'migrate-instance', 'resolve-incident');

export const MONITOR: ApiResource = {
  tag: 'Monitor', base: '/api', description: 'Running process instances, incidents, messages and migration.',
  operations: [
    { method: 'get', path: '/instances/processes', summary: 'List process versions with running instances', access: monitor, query: noQuerySchema, response: MonitorProcesses },
    { method: 'get', path: '/instances/overview', summary: 'Read a version: diagram and counts per element', access: monitor, query: versionQuery, errors: [404], response: VersionOverviewAnswer },
    { method: 'get', path: '/instances', summary: 'List instances of a process', access: monitor, query: instancesQuery, response: InstanceList },
    { method: 'get', path: '/instances/:key', summary: 'Read one instance', access: monitor, response: InstanceDetailAnswer },
    { method: 'post', path: '/instances/:key/cancel', summary: 'Cancel an instance', access: action('cancel-instance'), body: cancelBody, errors: [409], response: InstanceCancelled },
    { method: 'post', path: '/incidents/:id/resolve', summary: 'Retry an incident', access: action('resolve-incident'), errors: [409], response: IncidentResolved },
    { method: 'post', path: '/messages', summary: "Publish a message to your teams' instances", access: action('send-message'), body: messageBody, errors: [404], response: MessagePublished },
    { method: 'post', path: '/migrations', summary: 'Migrate instances to another version', access: action('migrate-instance'), body: migrationBody, response: MigrationOutcome },
  ],
};
