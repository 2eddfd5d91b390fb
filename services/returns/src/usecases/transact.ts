import type { ServiceRuntime, UnitOfWork } from "@waybill/service";
import { ReturnConflictError } from "../store/conflict.ts";

const ATTEMPTS = 5;

/**
 * Runs a mutation of a return in a transaction, again when another writer moved the same return
 * in between (ReturnConflictError): the next attempt sees the return as it now stands.
 */
export async function transactReturn<R>(
  runtime: ServiceRuntime,
  fn: (work: UnitOfWork) => Promise<R>,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runtime.transact(fn);
    } catch (error) {
      if (!(error instanceof ReturnConflictError) || attempt >= ATTEMPTS) throw error;
      runtime.logger.info({ attempt, err: error }, "return changed concurrently; retrying");
    }
  }
}
