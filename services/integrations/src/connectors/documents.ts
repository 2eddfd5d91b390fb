/** The billing documents a connector sends: an invoice, a credit note or an adjustment note. */
export type DocumentKind = "invoice" | "credit_note" | "adjustment_note";

/**
 * What a connector delivers: billing's documents, and despatches and the shipments' later
 * milestones for connectors that take them.
 */
export type DeliveryKind = DocumentKind | "despatch" | "milestone";

/** An amount as the supergraph gives it: a decimal string in the currency's precision. */
export type Amount = { amount: string; currency: string };

/** One line of a document: what an ERP needs to bill it, as billing priced it. */
export type DocumentLine = {
  /** The order line billed; null for shipping and carrier charges. */
  lineId: string | null;
  /** Position of the order line in its order (0-based); null for shipping and charges. */
  orderLineIndex: number | null;
  /** What is billed: a SKU, `shipping`, or a carrier charge type. */
  code: string;
  kind: "product" | "shipping" | "charge";
  quantity: number;
  unitPrice: Amount;
  /** Percent, as a decimal string ("20"); null for shipping (the mapping names its tax). */
  taxRate: string | null;
  /**
   * Units of the line going back into sellable stock: on a credit note for a return, the units
   * credited that the warehouse received with the RESTOCK disposition; 0 everywhere else. A
   * storefront restocks these and no more.
   */
  restock: number;
};

/** A billing document as read through the supergraph, in the shape every connector maps from. */
export type FinanceDocument = {
  kind: DocumentKind;
  id: string;
  /** Our number (INV-..., CN-..., AN-...): the reference an ERP is searched by. */
  number: string;
  customerId: string;
  currency: string;
  issuedAt: string;
  order: { id: string; channel: string; externalReference: string | null };
  /** For notes: the invoice they refer to. */
  invoice: { id: string; number: string } | null;
  /** For credit notes of a return: the return credited. */
  returnId?: string;
  /** For invoices: the shipment billed (connectors that posted its despatch find it by this). */
  shipmentId?: string;
  lines: DocumentLine[];
};

/** One line of a despatch: what left the warehouse for one order line. */
export type DespatchLine = {
  lineId: string;
  /** Position of the order line in its order (0-based). */
  orderLineIndex: number;
  /** The SKU shipped. */
  code: string;
  quantity: number;
};

/**
 * A confirmed shipment as read through the supergraph: what an advance ship notice or a despatch
 * confirmation carries. Its reference is the shipment's id.
 */
export type DespatchDocument = {
  kind: "despatch";
  id: string;
  number: string;
  customerId: string;
  order: { id: string; channel: string; externalReference: string | null };
  warehouse: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  shippedAt: string;
  lines: DespatchLine[];
};

/**
 * A milestone of a shipment the connector already took as a despatch: what a storefront shows as
 * the parcel's progress. Its reference is the shipment's id.
 */
export type MilestoneDocument = {
  kind: "milestone";
  /** The milestone's id. */
  id: string;
  shipmentId: string;
  orderId: string;
  /** The canonical milestone type (IN_TRANSIT, DELIVERED, ...). */
  type: string;
  occurredAt: string;
  /** What the system made of the shipment's despatch (a fulfilment's id). */
  despatchExternalId: string;
};
