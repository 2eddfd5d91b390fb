import { principalOf, type Principal } from "@waybill/auth";
import type { Hub } from "../hub/client.ts";
import type {
  Amount,
  DespatchDocument,
  DocumentKind,
  DocumentLine,
  FinanceDocument,
} from "./documents.ts";

/** Who connectors are when they read the hub's documents: finance, reading only. */
export const CONNECTOR_PRINCIPAL: Principal = principalOf({
  subject: "service:integrations:connectors",
  role: "finance",
  scopes: ["orders:read", "invoices:read", "shipments:read", "returns:read"],
});

const ORDER = "order { id channel externalReference currency lines { id } }";
const LINE = "lineId sku quantity unitPrice { amount currency } taxRate";
const CHARGE = "chargeId type amount { amount currency } taxRate";

/** The invoice, with what its lines need, as the supergraph answers it. */
export const INVOICE_DOCUMENT = `query ConnectorInvoice($id: ID!) {
  invoice(id: $id) { id number issuedAt customerId ${ORDER} shipment { id }
    lines { ${LINE} } shippingCharge { amount currency }
    charges { ${CHARGE} } }
}`;

export const CREDIT_NOTE_DOCUMENT = `query ConnectorCreditNote($id: ID!) {
  creditNote(id: $id) { id number issuedAt customerId invoice { id number } ${ORDER}
    lines { ${LINE} } shippingRefund { amount currency } charges { ${CHARGE} }
    return { id lines { lineId received disposition }
      creditNotes { id lines { lineId quantity } } } }
}`;

export const ADJUSTMENT_NOTE_DOCUMENT = `query ConnectorAdjustmentNotes($id: ID!) {
  invoice(id: $id) { id number ${ORDER}
    adjustmentNotes { id number issuedAt customerId ${CHARGE} } }
}`;

type OrderRead = {
  id: string;
  channel: string;
  externalReference: string | null;
  currency: string;
  lines: { id: string }[];
};
type LineRead = {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: Amount;
  taxRate: string;
};
type ChargeRead = { chargeId: string; type: string; amount: Amount; taxRate: string };
type ReturnRead = {
  id: string;
  lines: { lineId: string; received: number | null; disposition: string | null }[];
  creditNotes: { id: string; lines: { lineId: string; quantity: number }[] }[];
};

/**
 * Units of each order line a credit note puts back into stock: the return's units received with
 * the RESTOCK disposition, shared out over the return's credit notes in billing's order (a line
 * shipped on two invoices is credited by two notes), so no unit is restocked twice.
 */
export function restockedUnits(
  creditNoteId: string,
  returned: ReturnRead | null,
): Map<string, number> {
  const left = new Map<string, number>();
  for (const line of returned?.lines ?? [])
    if (line.disposition === "RESTOCK")
      left.set(line.lineId, (left.get(line.lineId) ?? 0) + (line.received ?? 0));
  const units = new Map<string, number>();
  for (const note of returned?.creditNotes ?? []) {
    for (const line of note.lines) {
      const taken = Math.min(line.quantity, left.get(line.lineId) ?? 0);
      left.set(line.lineId, (left.get(line.lineId) ?? 0) - taken);
      if (note.id === creditNoteId) units.set(line.lineId, (units.get(line.lineId) ?? 0) + taken);
    }
    if (note.id === creditNoteId) break;
  }
  return units;
}

const productLines = (
  order: OrderRead,
  lines: LineRead[],
  sign: 1 | -1,
  restocked: ReadonlyMap<string, number> = new Map(),
): DocumentLine[] =>
  lines.map((line) => ({
    lineId: line.lineId,
    orderLineIndex: order.lines.findIndex((candidate) => candidate.id === line.lineId),
    code: line.sku,
    kind: "product",
    quantity: sign * line.quantity,
    unitPrice: line.unitPrice,
    taxRate: line.taxRate,
    restock: restocked.get(line.lineId) ?? 0,
  }));

const chargeLines = (charges: ChargeRead[], sign: 1 | -1): DocumentLine[] =>
  charges.map((charge) => ({
    lineId: null,
    orderLineIndex: null,
    code: charge.type,
    kind: "charge",
    quantity: sign,
    unitPrice: charge.amount,
    taxRate: charge.taxRate,
    restock: 0,
  }));

/**
 * Shipping as one line, when there is any. The supergraph tells no shipping tax rate: the
 * mapping names the tax template shipping is billed with.
 */
const shippingLine = (amount: Amount, sign: 1 | -1) =>
  /^0*(\.0*)?$/.test(amount.amount)
    ? []
    : [
        {
          lineId: null,
          orderLineIndex: null,
          code: "shipping",
          kind: "shipping" as const,
          quantity: sign,
          unitPrice: amount,
          taxRate: null,
          restock: 0,
        },
      ];

const orderOf = (order: OrderRead) => ({
  id: order.id,
  channel: order.channel,
  externalReference: order.externalReference,
});

export const DESPATCH_DOCUMENT = `query ConnectorDespatch($id: ID!) {
  shipment(id: $id) { id warehouse carrier service trackingNumber shippedAt
    lines { lineId sku quantity }
    order { id channel externalReference customer { id } currency lines { id } } }
}`;

/** Thrown when billing has no such document (yet): the delivery is tried again later. */
export class DocumentNotFoundError extends Error {}

/**
 * Reads a billing document through the supergraph. Events tell what changed; the lines' SKUs,
 * prices and tax rates are billing's, read as billing answers them rather than derived again.
 * `invoiceId` is the invoice a note refers to (the adjustment note is read through it).
 */
export async function readDocument(
  hub: Hub,
  kind: DocumentKind,
  id: string,
  invoiceId: string,
): Promise<FinanceDocument> {
  if (kind === "invoice") {
    type Answer = {
      invoice: {
        id: string;
        number: string | null;
        issuedAt: string | null;
        customerId: string;
        order: OrderRead;
        shipment: { id: string } | null;
        lines: LineRead[];
        shippingCharge: Amount;
        charges: ChargeRead[];
      } | null;
    };
    const { invoice } = await hub.execute<Answer>(INVOICE_DOCUMENT, { id }, CONNECTOR_PRINCIPAL);
    if (!invoice?.number || !invoice.issuedAt) throw new DocumentNotFoundError(`invoice ${id}`);
    return {
      kind,
      id,
      number: invoice.number,
      customerId: invoice.customerId,
      currency: invoice.order.currency,
      issuedAt: invoice.issuedAt,
      order: orderOf(invoice.order),
      invoice: null,
      ...(invoice.shipment ? { shipmentId: invoice.shipment.id } : {}),
      lines: [
        ...productLines(invoice.order, invoice.lines, 1),
        ...shippingLine(invoice.shippingCharge, 1),
        ...chargeLines(invoice.charges, 1),
      ],
    };
  }
  if (kind === "credit_note") {
    type Answer = {
      creditNote: {
        id: string;
        number: string;
        issuedAt: string;
        customerId: string;
        invoice: { id: string; number: string };
        order: OrderRead;
        lines: LineRead[];
        shippingRefund: Amount;
        charges: ChargeRead[];
        return: ReturnRead | null;
      } | null;
    };
    const { creditNote } = await hub.execute<Answer>(
      CREDIT_NOTE_DOCUMENT,
      { id },
      CONNECTOR_PRINCIPAL,
    );
    if (!creditNote) throw new DocumentNotFoundError(`credit note ${id}`);
    return {
      kind,
      id,
      number: creditNote.number,
      customerId: creditNote.customerId,
      currency: creditNote.order.currency,
      issuedAt: creditNote.issuedAt,
      order: orderOf(creditNote.order),
      invoice: creditNote.invoice,
      ...(creditNote.return ? { returnId: creditNote.return.id } : {}),
      lines: [
        ...productLines(
          creditNote.order,
          creditNote.lines,
          -1,
          restockedUnits(id, creditNote.return),
        ),
        ...shippingLine(creditNote.shippingRefund, -1),
        ...chargeLines(creditNote.charges, -1),
      ],
    };
  }
  type Answer = {
    invoice: {
      id: string;
      number: string | null;
      order: OrderRead;
      adjustmentNotes: ({
        id: string;
        number: string;
        issuedAt: string;
        customerId: string;
      } & ChargeRead)[];
    } | null;
  };
  const { invoice } = await hub.execute<Answer>(
    ADJUSTMENT_NOTE_DOCUMENT,
    { id: invoiceId },
    CONNECTOR_PRINCIPAL,
  );
  const note = invoice?.adjustmentNotes.find((candidate) => candidate.id === id);
  if (!invoice?.number || !note) throw new DocumentNotFoundError(`adjustment note ${id}`);
  return {
    kind,
    id,
    number: note.number,
    customerId: note.customerId,
    currency: invoice.order.currency,
    issuedAt: note.issuedAt,
    order: orderOf(invoice.order),
    invoice: { id: invoice.id, number: invoice.number },
    lines: chargeLines([note], 1),
  };
}

/** Reads a confirmed shipment through the supergraph, as shipments answer it. */
export async function readDespatch(hub: Hub, id: string): Promise<DespatchDocument> {
  type Answer = {
    shipment: {
      id: string;
      warehouse: string;
      carrier: string;
      service: string;
      trackingNumber: string;
      shippedAt: string;
      lines: { lineId: string; sku: string; quantity: number }[];
      order: OrderRead & { customer: { id: string } };
    } | null;
  };
  const { shipment } = await hub.execute<Answer>(DESPATCH_DOCUMENT, { id }, CONNECTOR_PRINCIPAL);
  if (!shipment) throw new DocumentNotFoundError(`shipment ${id}`);
  const { order } = shipment;
  return {
    kind: "despatch",
    id,
    number: id,
    customerId: order.customer.id,
    order: orderOf(order),
    warehouse: shipment.warehouse,
    carrier: shipment.carrier,
    service: shipment.service,
    trackingNumber: shipment.trackingNumber,
    shippedAt: shipment.shippedAt,
    lines: shipment.lines.map((line) => ({
      lineId: line.lineId,
      orderLineIndex: order.lines.findIndex((candidate) => candidate.id === line.lineId),
      code: line.sku,
      quantity: line.quantity,
    })),
  };
}
