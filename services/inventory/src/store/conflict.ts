import { RetryLaterError } from "@waybill/bus";

/**
 * Another writer changed the SKU's stock since this transaction read it (another instance of the
 * service on the same database). The transaction is rolled back and run again: mutations retry at
 * once, event handlers are redelivered (it is a RetryLaterError).
 */
export class StockConflictError extends RetryLaterError {
  constructor(sku: string) {
    super(`stock of ${sku} changed concurrently; retrying`);
    this.name = "StockConflictError";
  }
}
