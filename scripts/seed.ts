// `npm run seed`: loads demo data through the running gateway, so the order 360 shows a populated order.
// Safe to run twice: existing customers and products are reused, orders are keyed by their reference.
import { setTimeout as sleep } from "node:timers/promises";

const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";

async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(gateway, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  }).catch(() => {
    throw new Error(`no gateway at ${gateway}: start Waybill with \`npm start\` first`);
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

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
  const { customers } = await call<{ customers: { id: string; email: string }[] }>(
    "{ customers { id email } }",
  );
  const ids = [];
  for (const [name, email, billingPolicy] of CUSTOMERS) {
    const existing = customers.find((customer) => customer.email === email);
    if (existing) {
      ids.push(existing.id);
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

async function order(
  customerId: string,
  reference: string,
  lines: [string, number, string][],
): Promise<{ id: string; lineIds: string[] } | null> {
  const { placeOrder } = await call<Placed>(
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
  if (placeOrder.__typename !== "Order" || !placeOrder.id) return null;
  return { id: placeOrder.id, lineIds: (placeOrder.lines ?? []).map((line) => line.id) };
}

async function ship(
  orderId: string,
  lines: { lineId: string; quantity: number }[],
  tracking: string,
): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { confirmShipment } = await call<{
      confirmShipment: { __typename: string; id?: string; message?: string };
    }>(
      `mutation($input: ConfirmShipmentInput!) { confirmShipment(input: $input) {
         __typename ... on Shipment { id } ... on UserError { message } } }`,
      {
        input: {
          orderId,
          lines,
          carrier: "UPS",
          service: "Standard",
          trackingNumber: tracking,
          shippedAt: new Date().toISOString(),
          shippingCharge: "5.95",
        },
      },
    );
    if (confirmShipment.id) return confirmShipment.id;
    // The shipments service learns of new orders from events; give it a moment.
    if (confirmShipment.__typename !== "UnknownOrderError")
      throw new Error(confirmShipment.message);
    await sleep(100);
  }
  throw new Error(`shipments never heard of order ${orderId}`);
}

const [northwind = "", contoso = ""] = await customerIds();
await products();
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
  await call(
    `mutation($id: ID!, $at: DateTime!) { recordMilestone(input: { shipmentId: $id, type: PICKED_UP, occurredAt: $at, location: "Amsterdam" }) { __typename } }`,
    { id: shipment, at: new Date().toISOString() },
  );
}
const second = await order(contoso, "CT-2001", [
  ["BOTTLE-750", 10, "18.00"],
  ["NOTE-A5", 20, "4.25"],
]);
if (second)
  await ship(second.id, [{ lineId: second.lineIds[0] ?? "", quantity: 10 }], "1Z999AA10123456785");

const { orders } = await call<{ orders: { id: string; externalReference: string | null }[] }>(
  "{ orders(first: 20) { id externalReference } }",
);
const demo = orders.find((candidate) => candidate.externalReference === "NW-1001");
console.log(`Demo data loaded through ${gateway}.`);
console.log(`Try the order 360 for order ${demo?.id ?? "(none)"}:`);
console.log(
  `  { order(id: "${demo?.id ?? ""}") { fulfilmentStatus billingStatus lines { sku quantity shippedQuantity product { name available } } shipments { trackingNumber status milestones { type } invoice { number total { amount currency } } } invoices { number total { amount } } returns { id } timeline { kind message } } }`,
);
