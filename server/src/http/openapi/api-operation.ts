// What the OpenAPI document says about one route: written next to the routes (one file per resource in
// this folder), from the zod schemas the route parses with, so the contract and the checks cannot drift.
import type { z } from 'zod';
import { FILE_KINDS } from '../../domain/documents/document-types';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone, any signed-in person, one permitted action, or another server of the product. */
export type Access = { public: true } | { signedIn: true } | { action: string | string[] } | { internal: true }
  /** Another system, with a service account's bearer token holding this scope (issue 22, /api/integration). */
  | { scope: string };

export interface ApiOperation {
  method: HttpMethod;
  /** The express path under the resource's base, e.g. '/:id/claim' ('' for the base itself). */
  path: string;
  /** Plain English: what the call does, as a person would say it. */
  summary: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * 'parsed' (the default): the route parses the body or query with exactly this schema. 'described': the route
   * checks its input by hand (forms, drafts, submissions); the schema describes what it accepts.
   */
  input?: 'parsed' | 'described';
  /** A body that is a file itself (not JSON), of this media type. */
  fileBody?: string;
  /** The answer: a named response schema, a file of these media types, or what else the route sends. Without one: a JSON object. */
  response?: { schema: z.ZodType; name: string } | { file: readonly string[] } | 'json' | 'csv' | 'xml' | 'none' | 'html';
  /** The success status (200 unless said). */
  status?: number;
  /** Other success statuses the route answers with the same response (200 when a repeat changed nothing, 202 when a change waits). */
  also?: { status: number; when: string }[];
  /** Error statuses beyond those implied (401/403 for signed-in calls, 400 for queries, 422 for bodies). */
  errors?: number[];
}

export interface ApiResource {
  /** The group on the reference page, e.g. 'Tasks'. */
  tag: string;
  description: string;
  /** Where the router is mounted, e.g. '/api/tasks'. */
  base: string;
  operations: ApiOperation[];
}

export const signedIn: Access = { signedIn: true };
export const action = (...names: string[]): Access => ({ action: names.length === 1 ? names[0] : names });
/** A case document's file, as its kind's media type (the kinds an upload accepts). */
export const documentFile = { file: [...new Set(Object.values(FILE_KINDS).map((k) => k.contentType.split(';')[0]))] };
