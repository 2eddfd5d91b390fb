/**
 * A request refused before or outside GraphQL, with the HTTP status to answer, a SCREAMING_SNAKE
 * code and a reason. Every process answers these the same way (`sendError`).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Headers to answer with (for example Retry-After). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    code: string,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** The errors every route may answer, one status each. */
export const httpErrors = {
  methodNotAllowed: (allowed: string) =>
    new HttpError(405, "METHOD_NOT_ALLOWED", `use ${allowed}`, { allow: allowed }),
  payloadTooLarge: (limit: number) =>
    new HttpError(413, "PAYLOAD_TOO_LARGE", `request body above ${limit} bytes`),
  unsupportedMediaType: (expected: string) =>
    new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", `POST bodies must be ${expected}`),
  badRequest: (message: string) => new HttpError(400, "BAD_REQUEST", message),
  notFound: (message: string) => new HttpError(404, "NOT_FOUND", message),
  unauthenticated: (message: string, headers: Readonly<Record<string, string>> = {}) =>
    new HttpError(401, "UNAUTHENTICATED", message, headers),
  forbidden: (message: string) => new HttpError(403, "FORBIDDEN", message),
  internal: () => new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error"),
};
