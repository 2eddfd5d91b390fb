import { RetryLaterError } from "@waybill/bus";

/**
 * Another writer moved the return between this transaction's read and its write. The transaction
 * is rolled back and run again: mutations retry at once (and then see the return as it now
 * stands), event handlers are redelivered (it is a RetryLaterError).
 */
export class ReturnConflictError extends RetryLaterError {
  constructor(id: string) {
    super(`return ${id} changed concurrently; retrying`);
    this.name = "ReturnConflictError";
  }
}
