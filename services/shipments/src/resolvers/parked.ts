import type { ParkedMilestone } from "../generated/resolvers.ts";
import type { ParkedMilestoneRecord } from "../store/records.ts";

/** A parked milestone as the API shows it. */
export function parkedView({
  _id,
  carrier,
  trackingNumber,
  report,
  parkedAt,
}: ParkedMilestoneRecord): ParkedMilestone & { __typename: "ParkedMilestone" } {
  return {
    __typename: "ParkedMilestone",
    id: _id,
    carrier,
    trackingNumber,
    type: report.type,
    occurredAt: report.occurredAt,
    parkedAt,
  };
}
