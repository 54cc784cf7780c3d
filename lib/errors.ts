// One closed set of error codes. Domain code throws AppError; each boundary maps it once
// (HTTP status, server-action result, MCP error). Isomorphic: the UI reads the same codes.
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  APPROVAL_REQUIRED: 202,
  TIMEOUT: 504,
  UPSTREAM: 502,
  AUDIT_UNAVAILABLE: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  userMessage?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, opts: AppErrorOptions = {}) {
    super(opts.userMessage ?? code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage ?? defaultMessage(code);
    this.fieldErrors = opts.fieldErrors;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

function defaultMessage(code: AppErrorCode): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'You need to sign in.';
    case 'FORBIDDEN':
      return 'You do not have permission to do this.';
    case 'NOT_FOUND':
      return 'Not found.';
    case 'RATE_LIMITED':
      return 'Too many requests; try again later.';
    default:
      return 'Something went wrong.';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** zod issues → { 'field.path': [messages] } */
export function fieldErrorsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.') || '_';
    (out[key] ??= []).push(i.message);
  }
  return out;
}
