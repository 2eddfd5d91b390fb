// Reads every service's database after the run and checks what Waybill promises.
import { join } from "node:path";
import { type Doc, openStore, type Store } from "@waybill/store";

type Line = { lineId: string; quantity: number };
type Shipment = Doc & { orderId: string; lines: (Line & { sku: string })[] };
type Invoice = Doc & {
  shipmentId: string;
  orderId: string;
  lines: Line[];
  number: string | null;
  series: string;
  status: string;
  total: number;
  subtotal: number;
  taxTotal: number;
};
type Order = Doc & {
  lines: { id: string; quantity: number; shippedQuantity: number; invoicedQuantity: number }[];
};
type Movement = Doc & { kind: string; sku: string; quantity: number; reference: string | null };
type Product = Doc & { stock: { onHand: number; reserved: number }[] };

export interface InvariantReport {
  figures: Record<string, number>;
  anomalies: string[];
}

async function open(dataDir: string, database: string): Promise<Store> {
  return openStore({ database, dataDir: join(dataDir, "data") });
}

const sum = (lines: Line[]) => lines.reduce((total, line) => total + line.quantity, 0);

/** Checks invoices against shipments, stock movements against shipments, and that nothing is stuck. */
export async function checkInvariants(dataDir: string): Promise<InvariantReport> {
  const stores = Object.fromEntries(
    await Promise.all(
      ["orders", "shipments", "inventory", "billing", "returns"].map(
        async (name) => [name, await open(dataDir, name)] as const,
      ),
    ),
  ) as Record<string, Store>;
  const anomalies: string[] = [];
  const flag = (message: string) => anomalies.length < 50 && anomalies.push(message);
  try {
    const get = <T extends Doc>(db: string, collection: string) =>
      stores[db]?.collection<T>(collection).find({}) ?? Promise.resolve([]);
    const shipments = await get<Shipment>("shipments", "shipments");
    const invoices = await get<Invoice>("billing", "invoices");
    const orders = await get<Order>("orders", "orders");
    const movements = await get<Movement>("inventory", "movements");
    const products = await get<Product>("inventory", "products");

    const invoicesByShipment = new Map<string, Invoice[]>();
    for (const invoice of invoices)
      invoicesByShipment.set(invoice.shipmentId, [
        ...(invoicesByShipment.get(invoice.shipmentId) ?? []),
        invoice,
      ]);
    const shippedByLine = new Map<string, number>();
    for (const shipment of shipments) {
      const own = invoicesByShipment.get(shipment._id) ?? [];
      if (own.length !== 1) flag(`shipment ${shipment._id} has ${own.length} invoices`);
      const [invoice] = own;
      if (invoice && sum(invoice.lines) !== sum(shipment.lines))
        flag(
          `invoice ${invoice._id} bills ${sum(invoice.lines)} of ${sum(shipment.lines)} shipped`,
        );
      if (invoice && invoice.status !== "ISSUED")
        flag(`invoice ${invoice._id} of a delivered shipment is ${invoice.status}`);
      for (const line of shipment.lines)
        shippedByLine.set(line.lineId, (shippedByLine.get(line.lineId) ?? 0) + line.quantity);
      const taken = movements
        .filter((m) => m.kind === "SHIPMENT" && m.reference === shipment._id)
        .reduce((total, m) => total + m.quantity, 0);
      if (taken !== sum(shipment.lines))
        flag(
          `shipment ${shipment._id}: ${taken} units moved out of stock for ${sum(shipment.lines)} shipped`,
        );
    }
    const shipmentIds = new Set(shipments.map((s) => s._id));
    for (const movement of movements) {
      if (
        movement.kind === "SHIPMENT" &&
        (!movement.reference || !shipmentIds.has(movement.reference))
      )
        flag(`stock movement ${movement._id} matches no shipment`);
    }
    for (const invoice of invoices) {
      if (!shipmentIds.has(invoice.shipmentId))
        flag(`invoice ${invoice._id} for unknown shipment ${invoice.shipmentId}`);
      if (invoice.total !== invoice.subtotal + invoice.taxTotal)
        flag(`invoice ${invoice._id} totals do not add up`);
    }
    const invoicedByLine = new Map<string, number>();
    for (const line of invoices.filter((i) => i.number).flatMap((i) => i.lines))
      invoicedByLine.set(line.lineId, (invoicedByLine.get(line.lineId) ?? 0) + line.quantity);
    for (const order of orders) {
      for (const line of order.lines) {
        const shipped = shippedByLine.get(line.id) ?? 0;
        const invoiced = invoicedByLine.get(line.id) ?? 0;
        if (invoiced > shipped)
          flag(`line ${line.id} invoiced ${invoiced} above shipped ${shipped}`);
        if (shipped > line.quantity)
          flag(`line ${line.id} shipped ${shipped} above ordered ${line.quantity}`);
        if (line.shippedQuantity !== shipped)
          flag(
            `orders shows line ${line.id} shipped ${line.shippedQuantity}, shipments ${shipped}`,
          );
        if (line.invoicedQuantity !== invoiced)
          flag(
            `orders shows line ${line.id} invoiced ${line.invoicedQuantity}, billing ${invoiced}`,
          );
      }
    }
    const bySeries = new Map<string, number[]>();
    for (const invoice of invoices.filter((i) => i.number))
      bySeries.set(invoice.series, [
        ...(bySeries.get(invoice.series) ?? []),
        Number(invoice.number?.slice(-6)),
      ]);
    for (const [series, numbers] of bySeries) {
      const sorted = numbers.sort((a, b) => a - b);
      if (sorted.some((n, i) => n !== i + 1))
        flag(`series ${series} is not gapless 1..${sorted.length}`);
    }
    for (const product of products) {
      if (
        product.stock.some(
          (level) => level.onHand < 0 || level.reserved < 0 || level.reserved > level.onHand + 1e9,
        )
      )
        flag(`product ${product._id} has negative stock`);
    }
    let stuck = 0;
    let parked = 0;
    for (const [name, store] of Object.entries(stores)) {
      const outbox = await store.collection("outbox").countDocuments({});
      const exceptions = await store.collection("exceptions").countDocuments({});
      stuck += outbox;
      parked += exceptions;
      if (outbox) flag(`${name} still has ${outbox} unpublished events`);
      if (exceptions) flag(`${name} parked ${exceptions} events as exceptions`);
    }
    return {
      figures: {
        orders: orders.length,
        shipments: shipments.length,
        invoices: invoices.length,
        issuedInvoices: invoices.filter((i) => i.number).length,
        stockMovements: movements.length,
        unpublishedEvents: stuck,
        exceptions: parked,
      },
      anomalies,
    };
  } finally {
    await Promise.all(Object.values(stores).map((store) => store.close()));
  }
}
