/** No MongoDB server answered at start-up within the allowed time. */
export class StoreUnreachableError extends Error {
  constructor(url: string, timeoutMs: number, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`cannot reach MongoDB at ${redacted(url)} within ${timeoutMs / 1000} s (${why})`, {
      cause,
    });
    this.name = "StoreUnreachableError";
  }
}

/** A connection string without its password, for messages and logs. */
function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
