import type { EventData } from "@waybill/contracts";
import type { ServiceCaseRecord } from "../store/records.ts";

/**
 * What `orders.service_case.changed` tells of a case right after a change: its state and its
 * revision, so a CRM keeps the newest it was told whatever order the events arrive in.
 */
export const caseChanged = (
  serviceCase: ServiceCaseRecord,
  at: Date,
): EventData<"orders.service_case.changed"> => ({
  caseId: serviceCase._id,
  orderId: serviceCase.orderId,
  kind: serviceCase.kind,
  status: serviceCase.status,
  assignee: serviceCase.assignee,
  notes: serviceCase.notes.length,
  revision: serviceCase.revision ?? 1,
  changedAt: at.toISOString(),
});
