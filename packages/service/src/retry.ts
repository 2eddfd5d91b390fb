import type { ServiceRuntime, UnitOfWork } from "./runtime.ts";

const ATTEMPTS = 5;

/**
 * Runs a mutation in a transaction, again when it fails with an error `isConflict` accepts
 * (another writer changed what it read, so its conditional write matched nothing): the next
 * attempt reads the new state. Other errors, and the last conflict, go to the caller.
 */
export async function transactRetrying<R>(
  runtime: ServiceRuntime,
  isConflict: (error: unknown) => boolean,
  fn: (work: UnitOfWork) => Promise<R>,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runtime.transact(fn);
    } catch (error) {
      if (!isConflict(error) || attempt >= ATTEMPTS) throw error;
      runtime.logger.info({ attempt, err: error }, "changed concurrently; retrying");
    }
  }
}
