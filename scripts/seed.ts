// `npm run seed`: loads demo data through the running gateway, so the order 360 shows a populated order.
// Safe to run twice: existing customers and products are reused, orders are keyed by their reference.
import { setTimeout as sleep } from "node:timers/promises";
import { call, gateway } from "./gateway-client.ts";

/** A page of a list: `edges { node }` and where it ends. */
type Page<T> = {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const PRODUCTS = [
  ["MUG-CLASSIC", "Classic mug", 120],
  ["TEE-ORG-M", "Organic T-shirt, M", 80],
  ["BOTTLE-750", "Steel bottle 750 ml", 40],
  ["NOTE-A5", "A5 notebook", 200],
] as const;

const CUSTOMERS = [
  ["Northwind Retail", "orders@northwind.example", "ON_SHIPMENT"],
  ["Contoso Clinics", "ap@contoso.example", "ON_DELIVERY"],
  ["Fabrikam Labs", "finance@fabrikam.example", "ON_PROOF_OF_DELIVERY"],
] as const;

async function customerIds(): Promise<string[]> {
  const known = new Map<string, string>();
  for (let after: string | null = null, more = true; more;) {
    const { customers }: { customers: Page<{ id: string; email: string }> } = await call(
      "query($after: String) { customers(first: 200, after: $after) { edges { node { id email } } pageInfo { hasNextPage endCursor } } }",
      { after },
    );
    for (const { node } of customers.edges) known.set(node.email, node.id);
    ({ hasNextPage: more, endCursor: after } = customers.pageInfo);
  }
  const ids = [];
  for (const [name, email, billingPolicy] of CUSTOMERS) {
    const existing = known.get(email);
    if (existing) {
      ids.push(existing);
      continue;
    }
    const { createCustomer } = await call<{ createCustomer: { id: string } }>(
      "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }",
      { input: { name, email, billingPolicy } },
    );
    ids.push(createCustomer.id);
  }
  return ids;
}

async function products(): Promise<void> {
  for (const [sku, name, quantity] of PRODUCTS) {
    const { createProduct } = await call<{ createProduct: { __typename: string } }>(
      "mutation($sku: String!, $name: String!) { createProduct(input: { sku: $sku, name: $name }) { __typename } }",
      { sku, name },
    );
    if (createProduct.__typename !== "Product") continue;
    await call(
      'mutation($sku: String!, $q: Int!) { receiveStock(input: { sku: $sku, warehouse: "AMS1", quantity: $q }) { __typename } }',
      { sku, q: quantity },
    );
  }
}

type Placed = {
  placeOrder: {
    __typename: string;
    id?: string;
    lines?: { id: string }[];
    existingOrder?: { id: string };
  };
};

/** Asks again while a service has not yet heard, through events, of what was just created. */
async function untilKnown<T extends { __typename: string }>(
  notYet: string,
  ask: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await ask();
    if (answer.__typename !== notYet) return answer;
    await sleep(100);
  }
  throw new Error(`still ${notYet} after 10 s`);
}

async function order(
  customerId: string,
  reference: string,
  lines: [string, number, string][],
): Promise<{ id: string; lineIds: string[] } | null> {
  const placeOrder = await untilKnown("UnknownSkuError", async () => {
    const { placeOrder: answer } = await call<Placed>(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
         __typename ... on Order { id lines { id } } ... on DuplicateOrderError { existingOrder { id } } } }`,
      {
        input: {
          customerId,
          channel: "webshop",
          externalReference: reference,
          currency: "EUR",
          lines: lines.map(([sku, quantity, unitPrice]) => ({
            sku,
            quantity,
            unitPrice,
            taxRate: "21",
          })),
        },
      },
    );
    return answer;
  });
  if (placeOrder.__typename !== "Order" || !placeOrder.id) return null;
  return { id: placeOrder.id, lineIds: (placeOrder.lines ?? []).map((line) => line.id) };
}

async function ship(
  orderId: string,
  lines: { lineId: string; quantity: number }[],
  tracking: string,
): Promise<string> {
  const confirmShipment = await untilKnown("UnknownOrderError", async () => {
    const { confirmShipment: answer } = await call<{
      confirmShipment: { __typename: string; id?: string; message?: string };
    }>(
      `mutation($input: ConfirmShipmentInput!) { confirmShipment(input: $input) {
         __typename ... on Shipment { id } ... on UserError { message } } }`,
      {
        input: {
          orderId,
          lines,
          warehouse: "AMS1",
          carrier: "UPS",
          service: "Standard",
          trackingNumber: tracking,
          shippedAt: new Date().toISOString(),
          shippingCharge: "5.95",
        },
      },
    );
    return answer;
  });
  if (!confirmShipment.id) throw new Error(confirmShipment.message);
  return confirmShipment.id;
}

async function milestone(shipmentId: string, type: string, location: string): Promise<void> {
  await call(
    `mutation($id: ID!, $type: MilestoneType!, $at: DateTime!, $location: String) {
       recordMilestone(input: { shipmentId: $id, type: $type, occurredAt: $at, location: $location }) { __typename } }`,
    { id: shipmentId, type, at: new Date().toISOString(), location },
  );
}

const [northwind = "", contoso = "", fabrikam = ""] = await customerIds();
await products();
// Northwind bills on shipment: a partial shipment, picked up and on its way.
const first = await order(northwind, "NW-1001", [
  ["MUG-CLASSIC", 4, "12.50"],
  ["TEE-ORG-M", 2, "24.00"],
]);
if (first) {
  const shipment = await ship(
    first.id,
    [
      { lineId: first.lineIds[0] ?? "", quantity: 4 },
      { lineId: first.lineIds[1] ?? "", quantity: 1 },
    ],
    "1Z999AA10123456784",
  );
  await milestone(shipment, "PICKED_UP", "Amsterdam");
  await milestone(shipment, "IN_TRANSIT", "Utrecht");
}
// Contoso bills on delivery: delivered, so invoiced.
const second = await order(contoso, "CT-2001", [
  ["BOTTLE-750", 10, "18.00"],
  ["NOTE-A5", 20, "4.25"],
]);
if (second) {
  const shipment = await ship(
    second.id,
    [{ lineId: second.lineIds[0] ?? "", quantity: 10 }],
    "1Z999AA10123456785",
  );
  await milestone(shipment, "DELIVERED", "Rotterdam");
}
// Fabrikam bills on proof of delivery: a carrier exception holds its shipment and opens a case.
const third = await order(fabrikam, "FB-3001", [["NOTE-A5", 50, "4.00"]]);
if (third) {
  const shipment = await ship(
    third.id,
    [{ lineId: third.lineIds[0] ?? "", quantity: 50 }],
    "1Z999AA10123456786",
  );
  await milestone(shipment, "EXCEPTION", "Eindhoven");
}

const { orders } = await call<{
  orders: Pick<Page<{ id: string; externalReference: string | null }>, "edges">;
}>("{ orders(first: 20) { edges { node { id externalReference } } } }");
const demo = orders.edges.find(({ node }) => node.externalReference === "NW-1001")?.node;
console.log(`Demo data loaded through ${gateway}.`);
console.log(`Try the order 360 for order ${demo?.id ?? "(none)"}:`);
console.log(
  `  { order(id: "${demo?.id ?? ""}") { fulfilmentStatus billingStatus lines { sku quantity shippedQuantity product { name available } } shipments { edges { node { trackingNumber status milestones { edges { node { type } } } invoice { number total { amount currency } } } } } invoices { edges { node { number status holds { reason } total { amount } } } } serviceCases { edges { node { kind status } } } returns { edges { node { id } } } timeline { edges { node { kind message } } } } }`,
);
