/**
 * Thrown by a consumer's handler when the event cannot be applied yet (for example the order a
 * shipment belongs to has not arrived): the message is redelivered with backoff, never dropped.
 */
export class RetryLaterError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "RetryLaterError";
  }
}

/** True for a `RetryLaterError`. */
export function isRetryLater(error: unknown): error is RetryLaterError {
  return error instanceof RetryLaterError;
}

/** Describes any thrown value in one line, for logs and exception records. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
