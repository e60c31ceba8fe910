// The only place where an error becomes an HTTP status. Domain errors map by kind; body-parser
// errors (malformed JSON, too large) keep their client status; anything else is a 500 whose
// details stay in the log, never in the response.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDomainError, type DomainError } from '../domain/errors';
import { databaseUnavailableMessage, isDatabaseUnavailable } from './database-unavailable';

const statusByKind: Record<DomainError['kind'], number> = {
  validation: 422,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  business: 422,
};

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
  code?: string;
}

function bodyParserError(err: HttpishError): { status: number; code: string; message: string } | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON. Check quotes, commas and brackets.' };
    case 'entity.too.large':
      return {
        status: 413,
        code: 'BODY_TOO_LARGE',
        message: `The request body is larger than the allowed ${err.limit ?? ''} bytes. Send less data or split it up.`.replace('  ', ' '),
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_ENCODING', message: 'Send the body as UTF-8 JSON.' };
    default:
      return undefined;
  }
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` } });
};

export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  if (isDomainError(err)) {
    const body: Record<string, unknown> = { error: { code: err.code, message: err.message } };
    if (err.kind === 'validation' && 'errors' in err) body.errors = (err as { errors: unknown }).errors;
    res.status(statusByKind[err.kind]).json(body);
    return;
  }
  const parsed = bodyParserError(err as HttpishError);
  if (parsed) {
    res.status(parsed.status).json({ error: { code: parsed.code, message: parsed.message } });
    return;
  }
  // The router fails to decode a path parameter with a bad percent-escape (/api/cases/%ff): a URIError
  // it marks 400 but not safe to expose, so it would otherwise fall through to the 500 below.
  if (err instanceof URIError) {
    res.status(400).json({
      error: { code: 'BAD_PATH_ENCODING', message: 'The address contains an invalid percent-escape (such as %ff). Encode each part of the path with encodeURIComponent.' },
    });
    return;
  }
  const status = (err as HttpishError).status ?? (err as HttpishError).statusCode;
  if (status && status >= 400 && status < 500 && (err as HttpishError).expose) {
    const code = typeof (err as HttpishError).code === 'string' ? (err as HttpishError).code : 'BAD_REQUEST';
    res.status(status).json({ error: { code, message: String((err as Error).message) } });
    return;
  }
  if (isDatabaseUnavailable(err)) {
    // The client may retry: the embedded database is being restarted, or the server cannot be reached.
    req.log?.warn({ err }, 'database unavailable');
    res.status(503).set('Retry-After', '5').json({ error: { code: 'DATABASE_UNAVAILABLE', message: databaseUnavailableMessage(err) } });
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server. It has been logged; try again.' } });
};
