// Domain errors carry no HTTP status: the error middleware is the only place that maps them.
// Field errors travel as data so a client can show each message beside its field.

export type FieldErrors = Record<string, string>;

export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'business';
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(message: string, readonly errors: FieldErrors = {}, code = 'VALIDATION_FAILED') {
    super(message, code);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(message: string, code = 'NOT_FOUND') {
    super(message, code);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(message: string, code = 'CONFLICT') {
    super(message, code);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(message: string, code = 'FORBIDDEN') {
    super(message, code);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(message = 'Sign in to continue', code = 'UNAUTHENTICATED') {
    super(message, code);
  }
}

/** A rule of the service was broken (e.g. a countersign by the author); code names the rule. */
export class BusinessError extends DomainError {
  readonly kind = 'business' as const;
  constructor(code: string, message: string) {
    super(message, code);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
