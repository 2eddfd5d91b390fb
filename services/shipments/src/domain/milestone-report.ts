import type { RecordMilestoneInput } from "../generated/resolvers.ts";
import type { MilestoneReport } from "../store/records.ts";
import { aheadOfClock, type Clock } from "./clock.ts";

export type ReportProblem = { field: string; code?: string; message: string };

const MAX_TEXT = 500;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Checks a reported milestone (its occurrence no further ahead of the clock than the skew allows)
 * and normalises its free-text fields.
 */
export function milestoneReport(
  input: RecordMilestoneInput,
  id: string,
  clock: Clock,
): MilestoneReport | ReportProblem {
  const future = aheadOfClock("occurredAt", input.occurredAt, clock);
  if (future) return future;
  for (const field of ["location", "detail", "signedBy", "photoReference", "reasonCode"] as const) {
    if ((input[field]?.length ?? 0) > MAX_TEXT)
      return { field, message: `${field} is longer than ${MAX_TEXT} characters` };
  }
  const delivered = input.deliveredQuantity;
  if (
    delivered !== null &&
    delivered !== undefined &&
    (!Number.isInteger(delivered) || delivered < 0)
  ) {
    return {
      field: "deliveredQuantity",
      message: "deliveredQuantity must be a whole number, 0 or more",
    };
  }
  return {
    id,
    type: input.type,
    occurredAt: input.occurredAt,
    location: text(input.location),
    detail: text(input.detail),
    signedBy: text(input.signedBy),
    photoReference: text(input.photoReference),
    reasonCode: text(input.reasonCode),
    deliveredQuantity: delivered ?? null,
  };
}
