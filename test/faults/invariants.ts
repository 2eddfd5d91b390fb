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
  /** Return units the invoice absorbed: taken off it before issue, or credited after. */
  returned?: (Line & { returnId: string })[];
  credit?: { lines: Line[] };
  charges?: { chargeId: string }[];
};
type CreditNote = Doc & {
  number: string;
  reason: string;
  invoiceId: string;
  returnId: string | null;
  lines: (Line & { net: number; tax: number })[];
  charges: { amount: number; tax: number }[];
  shippingRefund: number;
  shippingTax: number;
  subtotal: number;
  taxTotal: number;
  total: number;
};
type AdjustmentNote = Doc & {
  number: string;
  chargeId: string;
  amount: number;
  tax: number;
  total: number;
};
type Settlement = Doc & { creditNoteIds: string[] };
type BilledCharge = Doc & { billing: string };
type CarrierCharge = Doc & { type: string };
type Return = Doc & {
  orderId: string;
  status: string;
  lines: {
    lineId: string;
    sku: string;
    quantity: number;
    received?: number | null;
    disposition?: string | null;
  }[];
};
type Order = Doc & {
  lines: {
    id: string;
    quantity: number;
    shippedQuantity: number;
    invoicedQuantity: number;
    returnedQuantity?: number;
    creditedQuantity?: number;
  }[];
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
      // Units returned before the invoice was issued came off it; those credited after did not.
      const lowered = invoice ? sum(invoice.returned ?? []) - sum(invoice.credit?.lines ?? []) : 0;
      if (invoice && sum(invoice.lines) + lowered !== sum(shipment.lines))
        flag(
          `invoice ${invoice._id} bills ${sum(invoice.lines)} (+${lowered} returned first) of ${sum(shipment.lines)} shipped`,
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
    const credits = await checkCredits(get, flag, shipments, invoices, orders, movements);
    const bySeries = new Map<string, number[]>();
    const numbered = [...invoices.flatMap((i) => (i.number ? [i.number] : [])), ...credits.numbers];
    for (const number of numbered) {
      const series = number.slice(0, -7);
      bySeries.set(series, [...(bySeries.get(series) ?? []), Number(number.slice(-6))]);
    }
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
        ...credits.figures,
        unpublishedEvents: stuck,
        exceptions: parked,
      },
      anomalies,
    };
  } finally {
    await Promise.all(Object.values(stores).map((store) => store.close()));
  }
}

type Get = <T extends Doc>(db: string, collection: string) => Promise<T[]>;

/**
 * The credit rules, per order line: credited ≤ invoiced; invoiced net of credits equals shipped net
 * of returns once everything settled (so never above it); every received return settled, booked
 * in stock once per disposition and credited no more than received; notes that add up; every
 * carrier charge re-billed once or costed.
 */
async function checkCredits(
  get: Get,
  flag: (message: string) => void,
  shipments: Shipment[],
  invoices: Invoice[],
  orders: Order[],
  movements: Movement[],
) {
  const notes = await get<CreditNote>("billing", "credit_notes");
  const adjustments = await get<AdjustmentNote>("billing", "adjustment_notes");
  const settlements = await get<Settlement>("billing", "return_settlements");
  const billedCharges = await get<BilledCharge>("billing", "carrier_charges");
  const charges = await get<CarrierCharge>("shipments", "carrier_charges");
  const returns = await get<Return>("returns", "returns");

  const perLine = (lines: Line[], into: Map<string, number>) => {
    for (const line of lines) into.set(line.lineId, (into.get(line.lineId) ?? 0) + line.quantity);
  };
  const shipped = new Map<string, number>();
  for (const shipment of shipments) perLine(shipment.lines, shipped);
  const invoiced = new Map<string, number>();
  for (const invoice of invoices.filter((i) => i.number)) perLine(invoice.lines, invoiced);
  const credited = new Map<string, number>();
  for (const note of notes) perLine(note.lines, credited);
  const returned = new Map<string, number>();
  const received = returns.filter((r) => r.status === "RECEIVED" || r.status === "CLOSED");
  for (const ret of received)
    perLine(
      ret.lines.map((l) => ({ lineId: l.lineId, quantity: l.received ?? 0 })),
      returned,
    );

  for (const order of orders)
    for (const line of order.lines) {
      const at = (units: Map<string, number>) => units.get(line.id) ?? 0;
      const [s, i, c, r] = [at(shipped), at(invoiced), at(credited), at(returned)];
      if (c > i) flag(`line ${line.id} credited ${c} above invoiced ${i}`);
      if (i - c !== s - r)
        flag(`line ${line.id}: invoiced ${i} - credited ${c} is not shipped ${s} - returned ${r}`);
      if ((line.returnedQuantity ?? 0) !== r)
        flag(`orders shows line ${line.id} returned ${line.returnedQuantity}, returns ${r}`);
      if ((line.creditedQuantity ?? 0) !== c)
        flag(`orders shows line ${line.id} credited ${line.creditedQuantity}, billing ${c}`);
    }

  const settled = new Set(settlements.map((s) => s._id));
  const notesByReturn = new Map<string, CreditNote[]>();
  for (const note of notes)
    if (note.returnId)
      notesByReturn.set(note.returnId, [...(notesByReturn.get(note.returnId) ?? []), note]);
  const kindOf: Record<string, string> = {
    RESTOCK: "RETURN_RESTOCK",
    SCRAP: "SCRAP",
    VENDOR_RETURN: "VENDOR_RETURN",
  };
  const receivedIds = new Set(received.map((r) => r._id));
  for (const ret of received) {
    if (!settled.has(ret._id)) flag(`return ${ret._id} was received and never settled`);
    if (ret.status !== "CLOSED") flag(`return ${ret._id} settled but not closed`);
    const creditedHere = new Map<string, number>();
    for (const note of notesByReturn.get(ret._id) ?? []) perLine(note.lines, creditedHere);
    for (const line of ret.lines) {
      if ((creditedHere.get(line.lineId) ?? 0) > (line.received ?? 0))
        flag(`return ${ret._id} credits line ${line.lineId} above what was received`);
      const kind = line.disposition ? kindOf[line.disposition] : undefined;
      if (!line.received || !kind) continue;
      const booked = movements
        .filter((m) => m.reference === ret._id && m.kind === kind)
        .reduce((total, m) => total + m.quantity, 0);
      if (booked !== line.received)
        flag(
          `return ${ret._id}: ${booked} ${line.disposition} booked for ${line.received} received`,
        );
    }
  }
  for (const note of notes) {
    if (note.reason === "RETURN" && (!note.returnId || !receivedIds.has(note.returnId)))
      flag(`credit note ${note.number} credits no received return`);
    const net =
      note.lines.reduce((t, l) => t + l.net, 0) +
      note.charges.reduce((t, c) => t + c.amount, 0) +
      note.shippingRefund;
    const tax =
      note.lines.reduce((t, l) => t + l.tax, 0) +
      note.charges.reduce((t, c) => t + c.tax, 0) +
      note.shippingTax;
    if (note.subtotal !== net || note.taxTotal !== tax || note.total !== net + tax)
      flag(`credit note ${note.number} totals do not add up`);
  }

  const billedOnce = new Map(billedCharges.map((c) => [c._id, c.billing]));
  const onInvoices = new Set(invoices.flatMap((i) => (i.charges ?? []).map((c) => c.chargeId)));
  const adjusted = new Set(adjustments.map((a) => a.chargeId));
  for (const charge of charges) {
    const billing = billedOnce.get(charge._id);
    const where = [onInvoices.has(charge._id), adjusted.has(charge._id)].filter(Boolean).length;
    if (billing === undefined) flag(`carrier charge ${charge._id} never reached billing`);
    else if (billing === "COST_ONLY" ? where !== 0 : where !== 1)
      flag(`carrier charge ${charge._id} (${billing}) is billed ${where} times`);
  }
  for (const note of adjustments)
    if (note.total !== note.amount + note.tax)
      flag(`adjustment note ${note.number} totals do not add up`);

  return {
    numbers: [...notes.map((n) => n.number), ...adjustments.map((a) => a.number)],
    figures: {
      returns: returns.length,
      receivedReturns: received.length,
      creditNotes: notes.length,
      adjustmentNotes: adjustments.length,
      carrierCharges: charges.length,
    },
  };
}
