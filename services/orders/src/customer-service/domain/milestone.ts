import type { EventData } from "@waybill/contracts";

/** A milestone in words, for the timeline and the subject of the case it opens. */
export const describeMilestone = (data: EventData<"shipments.milestone.recorded">): string => {
  const parts = [`Shipment ${data.type.toLowerCase().replaceAll("_", " ")}`];
  if (data.location) parts.push(`at ${data.location}`);
  if (data.reasonCode) parts.push(`(reason ${data.reasonCode})`);
  if (data.signedBy) parts.push(`signed by ${data.signedBy}`);
  if (data.deliveredQuantity !== null && data.deliveredQuantity !== data.shippedQuantity)
    parts.push(`(${data.deliveredQuantity} of ${data.shippedQuantity} units delivered)`);
  if (data.late) parts.push("(reported late)");
  return parts.join(" ");
};
