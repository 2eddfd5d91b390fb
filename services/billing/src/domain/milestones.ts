import type { EventData } from "@waybill/contracts";
import type { InvoiceRecord } from "../store/records.ts";
import {
  holdsInForce,
  hold,
  isVoided,
  release,
  settle,
  andThen,
  unchanged,
  type Transition,
} from "./lifecycle.ts";

type Milestone = EventData<"shipments.milestone.recorded">;

/**
 * What a carrier milestone means for the shipment's invoice. Delivery and proof count whenever
 * they arrive; an exception holds only when it is the shipment's current state, and that hold
 * clears by itself once a later milestone moves the shipment on. A voided shipment's invoice hears
 * nothing more (a milestone can reach billing after the void).
 */
export function onMilestone(invoice: InvoiceRecord, milestone: Milestone): Transition {
  if (isVoided(invoice)) return unchanged(invoice);
  const at = new Date(milestone.occurredAt);
  let result = unchanged(invoice);
  if (milestone.type === "DELIVERED" || milestone.type === "PROOF_OF_DELIVERY") {
    result = andThen(result, (current) =>
      unchanged({ ...current, delivery: delivered(current, milestone, at) }),
    );
    if (milestone.type === "PROOF_OF_DELIVERY") {
      result = andThen(result, (current) =>
        release(current, "AUTOMATIC", at, { reason: "POD_MISSING" }),
      );
    }
    result = andThen(result, (current) => quantityCheck(current, milestone.deliveredQuantity, at));
  }
  if (!milestone.late && milestone.status === "EXCEPTION") {
    const code = milestone.reasonCode ? ` ${milestone.reasonCode}` : "";
    const detail = `carrier exception${code} on ${milestone.carrier} ${milestone.trackingNumber}`;
    result = andThen(result, (current) => hold(current, "CARRIER_EXCEPTION", detail, at));
  } else if (
    !milestone.late &&
    holdsInForce(result.invoice).some((h) => h.reason === "CARRIER_EXCEPTION")
  ) {
    result = andThen(result, (current) =>
      release(current, "AUTOMATIC", at, { reason: "CARRIER_EXCEPTION" }),
    );
  }
  return settle(result);
}

function delivered(
  invoice: InvoiceRecord,
  milestone: Milestone,
  at: Date,
): InvoiceRecord["delivery"] {
  const { delivery } = invoice;
  return {
    ...delivery,
    deliveredAt: delivery.deliveredAt ?? at,
    proofAt: milestone.type === "PROOF_OF_DELIVERY" ? (delivery.proofAt ?? at) : delivery.proofAt,
    deliveredQuantity: milestone.deliveredQuantity ?? delivery.deliveredQuantity,
  };
}

function quantityCheck(invoice: InvoiceRecord, count: number | null, at: Date): Transition {
  if (count === null) return unchanged(invoice);
  if (count !== invoice.shippedQuantity) {
    return hold(
      invoice,
      "QUANTITY_MISMATCH",
      `carrier delivered ${count} of ${invoice.shippedQuantity} unit(s) shipped`,
      at,
    );
  }
  return release(invoice, "AUTOMATIC", at, { reason: "QUANTITY_MISMATCH" });
}

/** DELIVERED without proof for longer than the grace period holds a proof-of-delivery invoice. */
export function onGraceExpired(invoice: InvoiceRecord, graceMs: number, now: Date): Transition {
  const { deliveredAt, proofAt, proofWaived } = invoice.delivery;
  const everHeld = invoice.holds.some((existing) => existing.reason === "POD_MISSING");
  const waiting =
    invoice.policy === "ON_PROOF_OF_DELIVERY" &&
    !invoice.number &&
    !isVoided(invoice) &&
    !proofAt &&
    !proofWaived &&
    !everHeld;
  if (!waiting || !deliveredAt || now.getTime() - deliveredAt.getTime() < graceMs)
    return settle(unchanged(invoice));
  return settle(
    hold(
      invoice,
      "POD_MISSING",
      `delivered ${deliveredAt.toISOString()} without proof of delivery`,
      now,
    ),
  );
}
