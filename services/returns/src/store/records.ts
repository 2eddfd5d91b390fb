import type { ReturnDisposition, ReturnStatus } from "@waybill/contracts";

/**
 * Shipped quantities per order line: `shipments.shipment.confirmed` adds, `shipments.shipment.voided`
 * takes away (a voided shipment never left).
 */
export type ShippedProjection = {
  _id: string;
  /** The order's customer account. */
  customerId: string;
  lines: { lineId: string; sku: string; shipped: number }[];
  /** Shipments already voided, so a voiding told twice lowers shipped quantities once. */
  voidedShipments?: string[];
  /**
   * Grows with every return requested or received for the order: concurrent writers of one
   * order's returns then conflict on this document, so none can return more than shipped.
   */
  returnWrites?: number;
};

export type ReturnLineRecord = {
  lineId: string;
  sku: string;
  /** Units asked for. */
  quantity: number;
  /** Units the warehouse received; null (or absent) until received. */
  received?: number | null;
  /** What becomes of the received units; null (or absent) until received. */
  disposition?: ReturnDisposition | null;
};

/** A return (RMA). Fields of later steps are absent on records written before those steps. */
export type ReturnRecord = {
  _id: string;
  orderId: string;
  customerId: string;
  status: ReturnStatus;
  reason: string;
  lines: ReturnLineRecord[];
  requestedAt: Date;
  /** The warehouse that received the goods. */
  warehouse?: string | null;
  receivedAt?: Date | null;
  /** The id `returns.return.received` was published with; absent on returns received before it was kept. */
  receivedEventId?: string | null;
  cancelledAt?: Date | null;
  cancellationReason?: string | null;
  closedAt?: Date | null;
  /** The credit notes billing raised when it settled the return. */
  creditNoteIds?: string[];
};
