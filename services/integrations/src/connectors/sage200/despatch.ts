import type { DespatchDocument } from "../documents.ts";
import { ConnectorError, NotForThisSystem, unmapped } from "../outcome.ts";
import { type SageClient, quoted } from "./client.ts";
import type { Sage200Mapping } from "./mapping.ts";

type SalesOrder = { id: number; document_no: string };
type DespatchView = { sop_despatch_id: number; sop_despatch_document_no: string };
type DespatchLine = {
  id: number;
  item_code: string;
  warehouse_name: string;
  outstanding_quantity: number;
};
type Despatchable = { sop_order_return_id: number; items: DespatchLine[] };

/** The body of `POST /sop_confirm_despatch` (sop_confirm_despatch_adjustment). */
export type ConfirmDespatch = {
  sop_order_return_id: number;
  despatch_receipt_date: string;
  confirmation_intent_type: "ConfirmOnDespatch";
  items: { id: number; quantity: number }[];
  tracking_items: {
    sop_order_return_id: number;
    courier_id: number;
    consignment_no: string;
    notes: string;
  }[];
};

/** The sales order with this document number, which the order's external reference is. */
async function salesOrder(client: SageClient, documentNo: string): Promise<SalesOrder> {
  const orders = await client.get<SalesOrder[]>("/sop_orders", {
    $filter: `document_no eq ${quoted(documentNo)}`,
    $select: "id,document_no",
    $top: "2",
  });
  const [order] = orders;
  if (!order)
    throw new ConnectorError("parked", `Sage 200 has no sales order ${documentNo}`, {
      category: "missing_reference",
    });
  return order;
}

/** The despatch of this order carrying the shipment's tracking number, if Sage has one. */
async function despatchOf(client: SageClient, orderId: number, consignment: string) {
  const found = await client.get<DespatchView[]>("/sop_order_despatch_views", {
    $filter: `sop_order_id eq ${orderId} and sop_despatch_consignment_no eq ${quoted(consignment)}`,
    $select: "sop_despatch_id,sop_despatch_document_no",
    $top: "2",
  });
  return found[0];
}

/** Every value of the despatch the mapping lacks, so master data fixes it once. */
function missingValues(document: DespatchDocument, mapping: Sage200Mapping): string[] {
  const missing: string[] = [];
  if (!mapping.warehouses[document.warehouse]) missing.push(`warehouse ${document.warehouse}`);
  if (!mapping.couriers[document.carrier]) missing.push(`courier for carrier ${document.carrier}`);
  for (const line of document.lines)
    if (!mapping.stockCodes[line.code]) missing.push(`stock code for ${line.code}`);
  return [...new Set(missing)];
}

/**
 * The confirmation of what left the warehouse, against the order's lines Sage still has to
 * despatch: each shipped SKU goes to the outstanding line of its stock code in the mapped
 * warehouse, with only the shipped quantity.
 */
function confirmationOf(
  document: DespatchDocument,
  mapping: Sage200Mapping,
  despatchable: Despatchable,
  documentNo: string,
): ConfirmDespatch {
  const warehouse = mapping.warehouses[document.warehouse];
  const courier = mapping.couriers[document.carrier];
  const taken = new Set<number>();
  const items = document.lines.map((line) => {
    const code = mapping.stockCodes[line.code];
    const match = despatchable.items.find(
      (item) =>
        !taken.has(item.id) &&
        item.item_code === code &&
        item.warehouse_name === warehouse &&
        item.outstanding_quantity >= line.quantity,
    );
    if (!match)
      throw new ConnectorError(
        "parked",
        `sales order ${documentNo} has no line of ${code ?? line.code} in ${warehouse ?? document.warehouse} with ${line.quantity} left to despatch`,
        { category: "conflict" },
      );
    taken.add(match.id);
    return { id: match.id, quantity: line.quantity };
  });
  return {
    sop_order_return_id: despatchable.sop_order_return_id,
    despatch_receipt_date: document.shippedAt,
    confirmation_intent_type: "ConfirmOnDespatch",
    items,
    tracking_items: [
      {
        sop_order_return_id: despatchable.sop_order_return_id,
        courier_id: courier ?? 0,
        consignment_no: document.trackingNumber,
        notes: `Waybill shipment ${document.id} (${document.carrier} ${document.service})`,
      },
    ],
  };
}

/**
 * Confirms a shipment of an order that came from Sage 200 as a despatch of its sales order, with
 * the tracking number as the consignment number. The despatch is looked up by that consignment
 * number first, so an attempt after a lost answer does not despatch the goods twice.
 */
export async function confirmDespatch(
  client: SageClient,
  mapping: Sage200Mapping,
  document: DespatchDocument,
): Promise<string> {
  const documentNo = document.order.externalReference;
  if (document.order.channel !== mapping.salesOrderChannel)
    throw new NotForThisSystem(
      `order ${document.order.id} did not come from Sage 200 (channel ${document.order.channel}): it has no sales order there to despatch`,
    );
  if (!documentNo)
    throw new ConnectorError(
      "parked",
      `order ${document.order.id} has no Sage 200 sales order number`,
      {
        category: "missing_reference",
      },
    );
  const missing = missingValues(document, mapping);
  if (missing.length > 0) throw unmapped(missing);
  const order = await salesOrder(client, documentNo);
  const done = await despatchOf(client, order.id, document.trackingNumber);
  if (done) return done.sop_despatch_document_no;
  const despatchable = await client.get<Despatchable[]>("/sop_confirm_despatch", {
    $filter: `document_no eq ${quoted(documentNo)}`,
  });
  const lines = despatchable.find((entry) => entry.sop_order_return_id === order.id);
  if (!lines)
    throw new ConnectorError(
      "parked",
      `sales order ${documentNo} has nothing left to despatch in Sage 200`,
      {
        category: "conflict",
      },
    );
  await client.post("/sop_confirm_despatch", confirmationOf(document, mapping, lines, documentNo));
  const created = await despatchOf(client, order.id, document.trackingNumber);
  // Confirmed but not yet visible: the next attempt's lookup finds it.
  if (!created) throw new ConnectorError("later", `despatch of ${documentNo} not visible yet`);
  return created.sop_despatch_document_no;
}
