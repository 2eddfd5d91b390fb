// Drives orders, partial shipments and carrier milestones through the gateway, retrying each step
// idempotently while services are being killed: a step is repeated only after checking it did not land.
import { setTimeout as sleep } from "node:timers/promises";
import { nodes, request, type Paged } from "../support/graphql.ts";

export interface DriverFigures {
  orders: number;
  shipments: number;
  milestones: number;
  duplicateMilestones: number;
  lateMilestones: number;
  retriedRequests: number;
  returns: number;
  /** Returns received before their goods were invoiced. */
  returnsBeforeInvoice: number;
  carrierCharges: number;
}

const DISPOSITIONS = ["RESTOCK", "SCRAP", "VENDOR_RETURN"] as const;

type Answer<T> = { data?: T; errors?: unknown[]; status: number };

const POLICIES = ["ON_SHIPMENT", "ON_DELIVERY", "ON_PROOF_OF_DELIVERY"] as const;

/** Repeats a request until the gateway answers it without errors (a killed service answers with errors). */
async function reliably<T>(
  gateway: string,
  figures: DriverFigures,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const answer: Answer<T> = await request<T>(gateway, query, variables).catch(() => ({
      status: 0,
    }));
    if (answer.data && !answer.errors?.length) return answer.data;
    if (attempt > 600)
      throw new Error(`gave up on ${query.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
    figures.retriedRequests += 1;
    await sleep(100);
  }
}

export async function createCustomers(
  gateway: string,
  figures: DriverFigures,
  run: string,
): Promise<{ id: string; policy: string }[]> {
  const customers = [];
  for (const [index, policy] of POLICIES.entries()) {
    const { createCustomer } = await reliably<{ createCustomer: { id: string } }>(
      gateway,
      figures,
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      {
        input: {
          name: `Fault ${policy}`,
          email: `fault-${run}-${index}@example.com`,
          billingPolicy: policy,
        },
      },
    );
    customers.push({ id: createCustomer.id, policy });
  }
  return customers;
}

type Placed = {
  placeOrder: {
    __typename: string;
    id?: string;
    lines?: { id: string; quantity: number }[];
    existingOrder?: { id: string; lines: { id: string; quantity: number }[] };
  };
};

/** Places an order keyed by its reference, so a retry after a lost answer finds the same order. */
async function placeOrder(
  gateway: string,
  figures: DriverFigures,
  customerId: string,
  reference: string,
  skus: string[],
) {
  const lines = skus.map((sku, index) => ({
    sku,
    quantity: 2 + (index % 3),
    unitPrice: `${3 + index}.50`,
    taxRate: "20",
  }));
  for (;;) {
    const { placeOrder } = await reliably<Placed>(
      gateway,
      figures,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename
         ... on Order { id lines { id quantity } }
         ... on DuplicateOrderError { existingOrder { id lines { id quantity } } } } }`,
      {
        input: {
          customerId,
          channel: "faults",
          externalReference: reference,
          currency: "EUR",
          lines,
        },
      },
    );
    const order =
      placeOrder.__typename === "DuplicateOrderError" ? placeOrder.existingOrder : placeOrder;
    if (order?.id && order.lines) return { id: order.id, lines: order.lines };
    await sleep(100); // UnknownSkuError: orders has not heard of the products yet
  }
}

type Shipped = { order: { shipments: Paged<{ id: string; trackingNumber: string }> } | null };

/** Confirms a shipment unless one with its tracking number already landed; waits while shipments does not know the order. */
async function confirm(
  gateway: string,
  figures: DriverFigures,
  orderId: string,
  lines: { lineId: string; quantity: number }[],
  tracking: string,
): Promise<string> {
  for (;;) {
    const { order } = await reliably<Shipped>(
      gateway,
      figures,
      `query ($id: ID!) { order(id: $id) { shipments(first: 200) { edges { node { id trackingNumber } } } } }`,
      { id: orderId },
    );
    const landed = order && nodes(order.shipments).find((s) => s.trackingNumber === tracking);
    if (landed) return landed.id;
    // One attempt only: when its answer is lost, the check above finds out whether it landed.
    const answer = await request<{
      confirmShipment: { __typename: string; id?: string; message?: string };
    }>(
      gateway,
      `mutation($input: ConfirmShipmentInput!) { confirmShipment(input: $input) { __typename ... on Shipment { id } ... on UserError { message } } }`,
      {
        input: {
          orderId,
          warehouse: "AMS1",
          lines,
          carrier: "UPS",
          service: "Ground",
          trackingNumber: tracking,
          shippedAt: new Date().toISOString(),
          shippingCharge: "2.50",
        },
      },
    ).catch(() => undefined);
    const confirmShipment = answer?.data?.confirmShipment;
    if (!confirmShipment || answer.errors?.length) {
      figures.retriedRequests += 1;
      await sleep(100);
      continue;
    }
    if (confirmShipment.id) return confirmShipment.id;
    if (confirmShipment.__typename !== "UnknownOrderError")
      throw new Error(`shipment refused: ${confirmShipment.message ?? ""}`);
    await sleep(100);
  }
}

async function milestone(
  gateway: string,
  figures: DriverFigures,
  shipmentId: string,
  type: string,
  at: Date,
): Promise<void> {
  await reliably(
    gateway,
    figures,
    `mutation($input: RecordMilestoneInput!) { recordMilestone(input: $input) { __typename } }`,
    {
      input: {
        shipmentId,
        type,
        occurredAt: at.toISOString(),
        ...(type === "PROOF_OF_DELIVERY" ? { signedBy: "faults" } : {}),
      },
    },
  );
  figures.milestones += 1;
}

type Returns = { order: { returns: Paged<{ id: string; reason: string }> } | null };

/**
 * Requests a return of one unit of a line unless one with this reason already landed, then
 * receives it (a receipt sent again answers the return as it stands). Waits while returns has not
 * heard of the shipment.
 */
async function returnOne(
  gateway: string,
  figures: DriverFigures,
  orderId: string,
  lineId: string,
  reason: string,
  disposition: (typeof DISPOSITIONS)[number],
): Promise<void> {
  let returnId: string | undefined;
  while (!returnId) {
    const { order } = await reliably<Returns>(
      gateway,
      figures,
      `query ($id: ID!) { order(id: $id) { returns(first: 200) { edges { node { id reason } } } } }`,
      { id: orderId },
    );
    returnId = order ? nodes(order.returns).find((r) => r.reason === reason)?.id : undefined;
    if (returnId) break;
    // One attempt only: when its answer is lost, the check above finds out whether it landed.
    const answer = await request<{ requestReturn: { __typename: string; id?: string } }>(
      gateway,
      `mutation($input: RequestReturnInput!) { requestReturn(input: $input) { __typename ... on Return { id } } }`,
      { input: { orderId, reason, lines: [{ lineId, quantity: 1 }] } },
    ).catch(() => undefined);
    returnId = answer?.data?.requestReturn.id;
    if (!returnId) {
      figures.retriedRequests += 1;
      await sleep(100); // a killed service, or returns has not heard of the shipment yet
    }
  }
  const received = await reliably<{ receiveReturn: { __typename: string } }>(
    gateway,
    figures,
    `mutation($input: ReceiveReturnInput!) { receiveReturn(input: $input) { __typename } }`,
    { input: { returnId, warehouse: "AMS1", lines: [{ lineId, received: 1, disposition }] } },
  );
  if (received.receiveReturn.__typename !== "Return")
    throw new Error(`return ${returnId} refused: ${received.receiveReturn.__typename}`);
  figures.returns += 1;
}

/** Records a carrier charge; the carrier's charge id makes a repeat harmless. */
async function charge(
  gateway: string,
  figures: DriverFigures,
  shipmentId: string,
  type: "LIFTGATE" | "FUEL",
): Promise<void> {
  const { recordCarrierCharge } = await reliably<{ recordCarrierCharge: { __typename: string } }>(
    gateway,
    figures,
    `mutation($input: RecordCarrierChargeInput!) { recordCarrierCharge(input: $input) { __typename } }`,
    {
      input: {
        shipmentId,
        carrierChargeId: `${shipmentId}-${type}`,
        type,
        amount: type === "FUEL" ? "1.10" : "35.00",
      },
    },
  );
  if (recordCarrierCharge.__typename !== "CarrierCharge")
    throw new Error(`charge on ${shipmentId} refused: ${recordCarrierCharge.__typename}`);
  figures.carrierCharges += 1;
}

/**
 * One order's life: placed, shipped in one or two parts, then carrier milestones, with a duplicate
 * DELIVERED and an out-of-order IN_TRANSIT. Some orders return a unit after delivery (credited),
 * some before their invoice is issued (what will be invoiced is lowered), and some shipments get
 * carrier charges before or after their invoice is issued.
 */
export async function orderJourney(
  gateway: string,
  figures: DriverFigures,
  customer: { id: string },
  reference: string,
  skus: string[],
  index: number,
): Promise<void> {
  const order = await placeOrder(gateway, figures, customer.id, reference, skus);
  figures.orders += 1;
  const split = index % 2 === 0;
  const first = order.lines.map((line) => ({
    lineId: line.id,
    quantity: split ? Math.ceil(line.quantity / 2) : line.quantity,
  }));
  const parts = [first];
  if (split)
    parts.push(
      order.lines
        .map((line, i) => ({
          lineId: line.id,
          quantity: line.quantity - (first[i]?.quantity ?? 0),
        }))
        .filter((l) => l.quantity > 0),
    );
  const base = Date.now();
  const returned = order.lines[0]?.id ?? "";
  const disposition = DISPOSITIONS[index % DISPOSITIONS.length] ?? "RESTOCK";
  for (const [part, lines] of parts.entries()) {
    const shipmentId = await confirm(gateway, figures, order.id, lines, `${reference}-${part}`);
    figures.shipments += 1;
    if (part === 0 && index % 6 === 1) {
      // ON_DELIVERY: the invoice is a draft until delivery; the return lowers it instead.
      await returnOne(gateway, figures, order.id, returned, `${reference}-early`, disposition);
      figures.returnsBeforeInvoice += 1;
    }
    if (part === 0 && index % 4 === 3) await charge(gateway, figures, shipmentId, "LIFTGATE");
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    await milestone(gateway, figures, shipmentId, "OUT_FOR_DELIVERY", at(60));
    await milestone(gateway, figures, shipmentId, "DELIVERED", at(120));
    await milestone(gateway, figures, shipmentId, "DELIVERED", at(120));
    figures.duplicateMilestones += 1;
    await milestone(gateway, figures, shipmentId, "IN_TRANSIT", at(30));
    figures.lateMilestones += 1;
    if (index % 3 === 2)
      await milestone(gateway, figures, shipmentId, "PROOF_OF_DELIVERY", at(130));
    if (part === 0 && index % 4 === 1) await charge(gateway, figures, shipmentId, "LIFTGATE");
    if (part === 0 && index % 8 === 5) await charge(gateway, figures, shipmentId, "FUEL");
  }
  if (index % 3 === 0)
    await returnOne(gateway, figures, order.id, returned, `${reference}-late`, disposition);
}
