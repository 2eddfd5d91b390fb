import type { UnitOfWork } from "@waybill/service";
import type { SERIES } from "../domain/invoice.ts";
import { documentNumber, seriesFor } from "../domain/invoice.ts";
import type { BillingRepository } from "../store/repository.ts";

/**
 * A note's number from this year's series of its kind, and its issue instant. The counter moves in
 * the caller's transaction, so a number is taken exactly when the note is stored: no gaps.
 */
export async function numberNote(
  repo: BillingRepository,
  prefix: typeof SERIES.creditNote | typeof SERIES.adjustmentNote,
  work: UnitOfWork,
): Promise<{ number: string; issuedAt: Date }> {
  const issuedAt = new Date();
  const series = seriesFor(prefix, issuedAt);
  return { number: documentNumber(series, await repo.nextNumber(series, work.session)), issuedAt };
}
