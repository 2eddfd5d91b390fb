import type { InvoiceStatus } from "@waybill/contracts";

/** Billing's word on a shipment's invoice, as of its revision. */
export type InvoiceToldRecord = { revision: number; status: InvoiceStatus };

export type OrderInvoiceRecord = {
  id: string;
  told: InvoiceToldRecord;
  /** What the invoice billed, once billing has told of its issue. */
  issuedLines: { lineId: string; quantity: number }[] | null;
};

/** Shipments' word on a shipment, as of its revision (0: as confirmed, before any milestone). */
export type ShipmentToldRecord = { revision: number; deliveredAt: Date | null };

/** What an order knows of one of its shipments: what it carried and what it was told since. */
export type OrderShipmentRecord = {
  id: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  told: ShipmentToldRecord;
  invoice: OrderInvoiceRecord | null;
  /** When shipments told that the label was voided: its units no longer count as shipped. */
  voidedAt?: Date | null;
};

type LineCount = { lineId: string; quantity: number };

/** A return the warehouse received, as returns told it: what came back per line. */
export type OrderReturnRecord = { id: string; received: LineCount[] };

/** A credit note billing issued: the units it credited per line. */
export type OrderCreditNoteRecord = { id: string; lines: LineCount[] };

/** A return billing settled: the units it will no longer invoice, because they came back first. */
export type OrderSettlementRecord = { returnId: string; uninvoiced: LineCount[] };
