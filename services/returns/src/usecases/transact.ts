import { transactRetrying, type ServiceRuntime, type UnitOfWork } from "@waybill/service";
import { ReturnConflictError } from "../store/conflict.ts";

/**
 * Runs a mutation of a return in a transaction, again when another writer moved the same return
 * in between (ReturnConflictError): the next attempt sees the return as it now stands.
 */
export const transactReturn = <R>(runtime: ServiceRuntime, fn: (work: UnitOfWork) => Promise<R>) =>
  transactRetrying(runtime, (error) => error instanceof ReturnConflictError, fn);
