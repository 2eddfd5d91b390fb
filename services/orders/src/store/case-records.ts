import type { ServiceCaseKind, ServiceCaseStatus } from "../generated/resolvers.ts";

export type NoteRecord = { at: Date; author: string; body: string };

export type ServiceCaseRecord = {
  _id: string;
  orderId: string;
  shipmentId: string;
  kind: ServiceCaseKind;
  status: ServiceCaseStatus;
  /** `<shipment>:<kind>` while open, so there is one open case per shipment and kind; unique. */
  openKey: string;
  subject: string;
  carrier: string;
  trackingNumber: string;
  assignee: string | null;
  notes: NoteRecord[];
  openedAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  resolvedAutomatically: boolean;
};
