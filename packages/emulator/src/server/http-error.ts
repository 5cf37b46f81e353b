/** Envelope family used to render an error body. */
export type ErrorFamily = 'v3' | 'v1' | 'v4';

/** An error a handler throws to answer with a given status and envelope. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly family: ErrorFamily;
  readonly headers: Record<string, string>;
  /** Extra explanations (v3 `error.additional_details.details`). */
  readonly details: string[] | undefined;

  constructor(status: number, message: string, code = 'ERROR', family: ErrorFamily = 'v3', headers: Record<string, string> = {}, details?: string[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.family = family;
    this.headers = headers;
    this.details = details;
  }
}

/** The same error rendered in another envelope family. */
export function inFamily(error: HttpError, family: ErrorFamily): HttpError {
  return new HttpError(error.status, error.message, error.code, family, error.headers, error.details);
}

/** Shorthand for a 404 in the given family. */
export function notFound(what: string, family: ErrorFamily = 'v3'): HttpError {
  return new HttpError(404, `${what} not found`, 'NOT_FOUND', family);
}

/** Shorthand for a 400 in the given family. */
export function badRequest(message: string, family: ErrorFamily = 'v3'): HttpError {
  return new HttpError(400, message, 'BAD_REQUEST', family);
}
