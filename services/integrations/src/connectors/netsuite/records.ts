import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { ConnectorError, unmapped } from "../outcome.ts";
import type { NetsuiteMapping } from "./mapping.ts";

/** A reference to another record, as REST web services write one. */
type Ref = { id: string };

/** A transaction's item line as GET with `expandSubResources=true` lists it. */
export type ItemLine = { line: number; item: Ref; quantity: number };

/** A sales order or an invoice as read back: its lines, and for an invoice whom it bills. */
export type Transaction = {
  id: string;
  entity?: Ref;
  subsidiary?: Ref;
  currency?: Ref;
  item?: { items?: ItemLine[] };
};

/**
 * An amount as a JSON number written from billing's decimal string, digit for digit: it never
 * passes through a float (`JSON.rawJSON`, Node 21+; TypeScript's lib does not declare it yet).
 */
const decimal = (amount: string): unknown => {
  if (!/^-?\d+(\.\d+)?$/.test(amount))
    throw new ConnectorError("parked", `amount ${amount} is not a decimal`);
  return (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(amount);
};

/** The item a line is billed as, if the mapping has it. */
export const itemOf = (mapping: NetsuiteMapping, line: DocumentLine): string | undefined =>
  line.kind === "product"
    ? mapping.items[line.code]
    : line.kind === "shipping"
      ? mapping.shipping.item
      : mapping.charges[line.code];

const taxCodeOf = (mapping: NetsuiteMapping, line: DocumentLine) =>
  line.taxRate === null ? mapping.shipping.taxCode : mapping.taxCodes[line.taxRate];

/** What every record Waybill writes carries: our number as external id, the date, a memo. */
const header = (document: FinanceDocument, memo: string) => ({
  externalId: document.number,
  tranDate: document.issuedAt.slice(0, 10),
  memo,
});

/** New item lines (item, quantity, rate, tax code), or every value the mapping lacks. */
function newLines(mapping: NetsuiteMapping, lines: readonly DocumentLine[], missing: string[]) {
  return lines.map((line) => {
    const item = itemOf(mapping, line);
    const taxCode = taxCodeOf(mapping, line);
    if (!item) missing.push(`${line.kind === "charge" ? "charge type" : "item"} ${line.code}`);
    if (!taxCode) missing.push(`tax rate ${line.taxRate ?? "shipping"}`);
    return {
      item: { id: item ?? "" },
      quantity: Math.abs(line.quantity),
      rate: decimal(line.unitPrice.amount),
      taxCode: { id: taxCode ?? "" },
    };
  });
}

/**
 * A standalone invoice (`PUT /record/v1/invoice/eid:{number}`): for orders born outside NetSuite,
 * and for adjustment notes, which bill carrier charges after the invoice as an invoice of their
 * own for the same customer (`billTo`: the original's entity, subsidiary and currency).
 */
export function standaloneInvoice(
  document: FinanceDocument,
  mapping: NetsuiteMapping,
  billTo?: { entity: Ref; subsidiary: Ref; currency: Ref; invoiceId: string },
): string {
  const missing: string[] = [];
  const entity = billTo?.entity.id ?? mapping.customers[document.customerId];
  const currency = billTo?.currency.id ?? mapping.currencies[document.currency];
  if (!entity) missing.push(`customer ${document.customerId}`);
  if (!currency) missing.push(`currency ${document.currency}`);
  const items = newLines(mapping, document.lines, missing);
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  const memo = billTo
    ? `Waybill ${document.number}: charges after invoice ${document.invoice?.number ?? ""} (NetSuite ${billTo.invoiceId}) for order ${document.order.id}`
    : `Waybill ${document.number} for order ${document.order.id}`;
  return JSON.stringify({
    ...header(document, memo),
    entity: { id: entity },
    subsidiary: { id: billTo?.subsidiary.id ?? mapping.subsidiary },
    currency: { id: currency },
    item: { items },
  });
}

/**
 * The body of `POST /record/v1/salesOrder/{id}/!transform/invoice`. Waybill's order line at index
 * i is the sales order's i-th item line (as `expandSubResources` lists them), and must be for the
 * item the SKU maps to; `orderLine` is that line's `line`. Every line of the order is listed,
 * those not shipped now with quantity 0, since NetSuite bills a line left out in full. Shipping
 * and carrier charges are added as new lines.
 */
export function invoiceFromOrder(
  document: FinanceDocument,
  mapping: NetsuiteMapping,
  salesOrder: Transaction,
): string {
  const missing: string[] = [];
  const orderLines = salesOrder.item?.items ?? [];
  const billed = new Map<number, number>();
  for (const line of document.lines) {
    if (line.kind !== "product" || line.orderLineIndex === null) continue;
    const item = mapping.items[line.code];
    if (!item) {
      missing.push(`item ${line.code}`);
      continue;
    }
    const orderLine = orderLines[line.orderLineIndex];
    if (orderLine?.item.id !== item)
      throw new ConnectorError(
        "parked",
        `sales order ${salesOrder.id} has no item line ${line.orderLineIndex + 1} for ${line.code} (item ${item})`,
        { category: "missing_reference" },
      );
    billed.set(orderLine.line, (billed.get(orderLine.line) ?? 0) + line.quantity);
  }
  const added = newLines(
    mapping,
    document.lines.filter((line) => line.kind !== "product" || line.orderLineIndex === null),
    missing,
  );
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  return JSON.stringify({
    ...header(document, `Waybill ${document.number} for order ${document.order.id}`),
    item: {
      items: [
        ...orderLines.map((line) => ({
          orderLine: line.line,
          quantity: billed.get(line.line) ?? 0,
        })),
        ...added,
      ],
    },
  });
}

/**
 * The body of `POST /record/v1/invoice/{id}/!transform/creditMemo`: each credited line is matched
 * to an unused line of the invoice for the same item, and credits its quantity at its rate; every
 * other line of the invoice is listed with quantity 0, so only what came back is credited.
 */
export function creditMemoFromInvoice(
  document: FinanceDocument,
  mapping: NetsuiteMapping,
  invoice: Transaction,
): string {
  const missing: string[] = [];
  const invoiceLines = invoice.item?.items ?? [];
  const credited = new Map<number, { quantity: number; rate: unknown }>();
  for (const line of document.lines) {
    const item = itemOf(mapping, line);
    if (!item) {
      missing.push(`${line.kind === "charge" ? "charge type" : "item"} ${line.code}`);
      continue;
    }
    const match = invoiceLines.find(
      (candidate) => candidate.item.id === item && !credited.has(candidate.line),
    );
    if (!match)
      throw new ConnectorError(
        "parked",
        `invoice ${invoice.id} has no line for ${line.code} (item ${item}) to credit`,
      );
    credited.set(match.line, {
      quantity: Math.abs(line.quantity),
      rate: decimal(line.unitPrice.amount),
    });
  }
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  return JSON.stringify({
    ...header(
      document,
      `Waybill ${document.number} crediting ${document.invoice?.number ?? ""} for order ${document.order.id}`,
    ),
    item: {
      items: invoiceLines.map((line) => {
        const credit = credited.get(line.line);
        return credit
          ? { orderLine: line.line, quantity: credit.quantity, rate: credit.rate }
          : { orderLine: line.line, quantity: 0 };
      }),
    },
  });
}
