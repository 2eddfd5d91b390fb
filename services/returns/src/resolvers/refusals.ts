import type { ReturnRejection } from "../domain/return-lines.ts";
import type { ReturnRecord } from "../store/records.ts";
import type { LifecycleRefusal } from "../usecases/receive-return.ts";

// The typed errors of the returns mutations, one shape each whichever mutation refuses.

export const notFound = (returnId: string) => ({
  __typename: "ReturnNotFoundError" as const,
  code: "RETURN_NOT_FOUND",
  message: `no return ${returnId}`,
  returnId,
});

export function lifecycleRefusal(refusal: LifecycleRefusal) {
  if (refusal.kind === "not_found") return notFound(refusal.returnId);
  const { record, to } = refusal;
  return {
    __typename: "InvalidReturnTransitionError" as const,
    code: "INVALID_TRANSITION",
    message: `return ${record._id} is ${record.status}: it cannot become ${to}`,
    return: record,
    to,
  };
}

export const alreadyReceived = (record: ReturnRecord) => ({
  __typename: "ReturnAlreadyReceivedError" as const,
  code: "ALREADY_RECEIVED",
  message: `return ${record._id} was already received with another receipt`,
  return: record,
});

export const invalid = (refusal: Extract<ReturnRejection, { kind: "invalid" }>) => ({
  __typename: "InvalidReturnError" as const,
  code: "INVALID_RETURN",
  message: refusal.message,
  field: refusal.field,
});

export function rejection(refusal: ReturnRejection) {
  if (refusal.kind === "invalid") return invalid(refusal);
  return {
    __typename: "QuantityExceedsShippedError" as const,
    code: "QUANTITY_EXCEEDS_SHIPPED",
    message: `line ${refusal.lineId}: ${refusal.requested} asked, ${refusal.shipped - refusal.alreadyReturned} returnable`,
    lineId: refusal.lineId,
    shipped: refusal.shipped,
    alreadyReturned: refusal.alreadyReturned,
    requested: refusal.requested,
  };
}
