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
};
