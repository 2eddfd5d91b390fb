import type { InvoiceStatus } from "@waybill/contracts";
import type {
  ServiceCaseKind,
  ServiceCaseStatus,
  TimelineKind,
} from "../../generated/resolvers.ts";

/** What happened to an order, as a room adds it to the order's timeline. */
export type TimelineEntry = {
  at: Date;
  kind: TimelineKind;
  message: string;
  reference: string | null;
  /** What the entry records (`milestone:<id>`), so a repeated event adds no second entry. */
  key: string;
};

/** One timeline entry as kept, in arrival order, in the order document's `timeline`. */
export type TimelineRecord = TimelineEntry;

/**
 * What customer service keeps on an order's document, so that an event about the order is one
 * read and one write: its timeline (each key recorded once) and what it knows of each shipment,
 * by shipment id. The order lifecycle owns the rest of the document.
 */
export type CustomerServiceFields = {
  timeline: TimelineRecord[];
  /** Absent until the first shipment is confirmed. */
  serviceShipments?: Record<string, ShipmentContextRecord>;
};

/** An order's document as customer service reads it: its own fields, and the lines it checks. */
export type OrderServiceRecord = CustomerServiceFields & {
  _id: string;
  lines: { id: string; cancelledQuantity: number }[];
};

export type NoteRecord = { at: Date; author: string; body: string };

export type ServiceCaseRecord = {
  _id: string;
  orderId: string;
  /** The shipment the case is about; null for a case about a return. */
  shipmentId: string | null;
  /** The return the case is about; absent or null for a case about a shipment. */
  returnId?: string | null;
  kind: ServiceCaseKind;
  status: ServiceCaseStatus;
  /**
   * `<shipment or return>:<kind>` while open, so there is one open case per shipment (or return)
   * and kind; unique.
   */
  openKey: string;
  subject: string;
  carrier: string | null;
  trackingNumber: string | null;
  assignee: string | null;
  notes: NoteRecord[];
  openedAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  resolvedAutomatically: boolean;
  /**
   * The case's changes so far, its opening the first (`orders.service_case.changed` tells each);
   * absent on cases opened before changes were told.
   */
  revision?: number;
};

/** What customer service knows of a shipment's invoice: billing's newest word and its issue. */
export type CaseInvoiceRecord = {
  id: string;
  told: { revision: number; status: InvoiceStatus };
  number: string | null;
  issuedAt: Date | null;
};

/**
 * What customer service knows of a shipment, for its cases: the shipment's confirmation, then what
 * shipments and billing told of it. `_id` is the shipment id.
 */
export type ShipmentContextRecord = {
  _id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  /** Shipments' word, as of its revision (0: as confirmed, before any milestone). */
  told: { revision: number; deliveredAt: Date | null };
  invoice: CaseInvoiceRecord | null;
};
