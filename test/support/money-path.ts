// The money path through the gateway as the returns, charges and reconciliation tests drive it:
// orders shipped, invoiced, returned, received, and read back with their invoices and credits.
import { waitFor } from "@waybill/devtools";
import { execute, nodes, type Paged } from "./graphql.ts";
import { placeDemoOrder, type BillingPolicy, type OrderLineInput } from "./orders.ts";
import { confirmWhenKnown } from "./shipments.ts";

export type Disposition = "RESTOCK" | "SCRAP" | "VENDOR_RETURN";

/** Places an order for one customer of `policy`, lines as given. */
export const placeOrder = (gateway: string, lines: OrderLineInput[], policy: BillingPolicy) =>
  placeDemoOrder(gateway, lines, policy);

/** Confirms a shipment of `lines` from AMS1 and returns its id. */
export async function ship(
  gateway: string,
  orderId: string,
  lines: { lineId: string; quantity: number }[],
  shippingCharge = "4.00",
): Promise<string> {
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines,
    carrier: "UPS",
    service: "Standard",
    trackingNumber: `1Z${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    shippedAt: new Date().toISOString(),
    shippingCharge,
  });
  if (shipment.__typename !== "Shipment")
    throw new Error(`not shipped: ${JSON.stringify(shipment)}`);
  return shipment.id;
}

/** Requests a return, waiting while returns has not heard of the shipment; returns its id. */
export async function requestReturn(
  gateway: string,
  orderId: string,
  lines: { lineId: string; quantity: number }[],
  reason = "damaged in transit",
): Promise<string> {
  return waitFor(
    async () => {
      const { requestReturn: answer } = await execute<{
        requestReturn: { __typename: string; id?: string; code?: string };
      }>(
        gateway,
        `mutation ($input: RequestReturnInput!) { requestReturn(input: $input) { __typename ... on Return { id } ... on UserError { code } } }`,
        { input: { orderId, reason, lines } },
      );
      if (answer.id) return answer.id;
      if (answer.code === "NOTHING_SHIPPED" || answer.code === "QUANTITY_EXCEEDS_SHIPPED")
        return undefined; // returns has not heard of the shipment yet
      throw new Error(`return refused: ${JSON.stringify(answer)}`);
    },
    { description: "returns to know the shipment", timeoutMs: 30_000, intervalMs: 100 },
  );
}

/** Receives a return in AMS1; answers the mutation's typename and code. */
export async function receiveReturn(
  gateway: string,
  returnId: string,
  lines: { lineId: string; received: number; disposition: Disposition }[],
) {
  const { receiveReturn: answer } = await execute<{
    receiveReturn: { __typename: string; id?: string; status?: string; code?: string };
  }>(
    gateway,
    `mutation ($input: ReceiveReturnInput!) { receiveReturn(input: $input) { __typename ... on Return { id status } ... on UserError { code } } }`,
    { input: { returnId, warehouse: "AMS1", lines } },
  );
  return answer;
}

/** A return as billing and returns tell it. */
export async function returnOf(gateway: string, id: string) {
  const { return: found } = await execute<{
    return: { id: string; status: string; creditNoteIds: string[] } | null;
  }>(gateway, `query ($id: ID!) { return(id: $id) { id status creditNoteIds } }`, { id });
  return found;
}

/** Waits until a return is CLOSED (billing settled it). */
export const closed = (gateway: string, id: string) =>
  waitFor(async () => ((await returnOf(gateway, id))?.status === "CLOSED" ? true : undefined), {
    description: `return ${id} closed`,
    timeoutMs: 30_000,
  });

export type InvoiceView = {
  id: string;
  number: string | null;
  status: string;
  shipment: { id: string };
  lines: { lineId: string; quantity: number }[];
  total: { amount: string };
};

/** The order's invoices, oldest first. */
export async function invoicesOf(gateway: string, orderId: string): Promise<InvoiceView[]> {
  const { order } = await execute<{ order: { invoices: Paged<InvoiceView> } | null }>(
    gateway,
    `query ($id: ID!) { order(id: $id) { invoices(first: 50) { edges { node {
       id number status shipment { id } lines { lineId quantity } total { amount } } } } } }`,
    { id: orderId },
  );
  return order ? nodes(order.invoices) : [];
}

/** Waits until every shipment in `shipmentIds` has an issued invoice. */
export const issued = (gateway: string, orderId: string, shipmentIds: string[]) =>
  waitFor(
    async () => {
      const invoices = await invoicesOf(gateway, orderId);
      return shipmentIds.every((id) =>
        invoices.some((invoice) => invoice.shipment.id === id && invoice.status === "ISSUED"),
      )
        ? invoices
        : undefined;
    },
    { description: `invoices of ${shipmentIds.join(", ")} issued`, timeoutMs: 30_000 },
  );

export type MoneyView = {
  fulfilmentStatus: string;
  billingStatus: string;
  lines: {
    id: string;
    quantity: number;
    shippedQuantity: number;
    invoicedQuantity: number;
    returnedQuantity: number;
    creditedQuantity: number;
  }[];
  invoices: Paged<
    InvoiceView & {
      creditedTotal: { amount: string };
      charges: { chargeId: string; amount: { amount: string } }[];
    }
  >;
  creditNotes: Paged<{
    id: string;
    number: string;
    reason: string;
    returnId: string | null;
    invoice: { id: string };
    lines: {
      lineId: string;
      quantity: number;
      netAmount: { amount: string };
      taxAmount: { amount: string };
    }[];
    shippingRefund: { amount: string };
    total: { amount: string };
  }>;
  adjustmentNotes: Paged<{
    id: string;
    number: string;
    type: string;
    total: { amount: string };
    invoice: { id: string };
  }>;
  billedTotal: { amount: string } | null;
  creditedTotal: { amount: string } | null;
  netBilled: { amount: string } | null;
  shippingMargin: {
    charged: { amount: string };
    cost: { amount: string };
    margin: { amount: string };
  } | null;
  timeline: Paged<{ kind: string; reference: string | null }>;
  serviceCases: Paged<{ kind: string; returnId: string | null; status: string }>;
};

/** The order as finance and service agents see its money: invoices, notes, totals, timeline. */
export async function moneyView(gateway: string, orderId: string): Promise<MoneyView> {
  const { order } = await execute<{ order: MoneyView | null }>(
    gateway,
    `query ($id: ID!) { order(id: $id) {
      fulfilmentStatus billingStatus
      lines { id quantity shippedQuantity invoicedQuantity returnedQuantity creditedQuantity }
      invoices(first: 20) { edges { node { id number status shipment { id } lines { lineId quantity }
        total { amount } creditedTotal { amount } charges { chargeId amount { amount } } } } }
      creditNotes(first: 20) { edges { node { id number reason returnId invoice { id }
        lines { lineId quantity netAmount { amount } taxAmount { amount } } shippingRefund { amount } total { amount } } } }
      adjustmentNotes(first: 20) { edges { node { id number type total { amount } invoice { id } } } }
      billedTotal { amount } creditedTotal { amount } netBilled { amount }
      shippingMargin { charged { amount } cost { amount } margin { amount } }
      timeline(first: 100) { edges { node { kind reference } } }
      serviceCases(first: 20) { edges { node { kind returnId status } } }
    } }`,
    { id: orderId },
  );
  if (!order) throw new Error(`no order ${orderId}`);
  return order;
}

/** Waits until the order's money view satisfies `ready`. */
export const moneyWhen = (
  gateway: string,
  orderId: string,
  description: string,
  ready: (view: MoneyView) => boolean,
) =>
  waitFor(
    async () => {
      const view = await moneyView(gateway, orderId);
      return ready(view) ? view : undefined;
    },
    { description, timeoutMs: 30_000 },
  );

/** Records a carrier charge; answers its typename. */
export async function carrierCharge(
  gateway: string,
  shipmentId: string,
  carrierChargeId: string,
  type: string,
  amount: string,
) {
  const { recordCarrierCharge } = await execute<{ recordCarrierCharge: { __typename: string } }>(
    gateway,
    `mutation ($input: RecordCarrierChargeInput!) { recordCarrierCharge(input: $input) { __typename } }`,
    { input: { shipmentId, carrierChargeId, type, amount } },
  );
  return recordCarrierCharge.__typename;
}

/** Voids a shipment; answers its typename. */
export async function voidShipment(gateway: string, shipmentId: string) {
  const { voidShipment: answer } = await execute<{ voidShipment: { __typename: string } }>(
    gateway,
    `mutation ($input: VoidShipmentInput!) { voidShipment(input: $input) { __typename } }`,
    { input: { shipmentId, reason: "label cancelled before pickup" } },
  );
  return answer.__typename;
}

/** A customer with a billing policy and a shipping refund rule, and an order of `lines` for it. */
export async function orderFor(
  gateway: string,
  lines: OrderLineInput[],
  billingPolicy: BillingPolicy,
  shippingRefund: "NEVER" | "ON_FULL_RETURN" | "ALWAYS" = "NEVER",
): Promise<{ orderId: string; lineIds: string[] }> {
  const { createCustomer } = await execute<{ createCustomer: { id: string } }>(
    gateway,
    `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    {
      input: {
        name: "Returns Customer",
        email: `r${Math.random().toString(36).slice(2)}@example.com`,
        billingPolicy,
        shippingRefund,
      },
    },
  );
  return waitFor(
    async () => {
      const { placeOrder } = await execute<{
        placeOrder: { __typename: string; id?: string; lines?: { id: string }[] };
      }>(
        gateway,
        `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id lines { id } } } }`,
        { input: { customerId: createCustomer.id, channel: "web", currency: "EUR", lines } },
      );
      if (placeOrder.__typename === "UnknownSkuError") return undefined;
      if (!placeOrder.id || !placeOrder.lines)
        throw new Error(`order refused: ${JSON.stringify(placeOrder)}`);
      return { orderId: placeOrder.id, lineIds: placeOrder.lines.map((line) => line.id) };
    },
    { description: "orders to know the SKUs", timeoutMs: 30_000, intervalMs: 100 },
  );
}
