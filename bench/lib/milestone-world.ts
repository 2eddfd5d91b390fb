// What bench/subscriptions.ts drives: customers with shipped, invoiced orders, the API keys its
// subscribers connect with, and milestones recorded through the gateway.
import { post, type Endpoint } from "./graphql.ts";
import {
  confirmShipment,
  createCustomer,
  createProduct,
  inParallel,
  invoicesIssued,
  placeOrder,
  shipmentInput,
} from "./seed.ts";

export interface MilestoneWorld {
  customerIds: string[];
  /** Shipments in customer order: `shipmentsPerCustomer` of the first customer, then the next. */
  shipmentIds: string[];
}

/**
 * `customers` customers with `shipmentsPerCustomer` orders each, every order of two lines shipped
 * whole and its invoice issued, so that a milestone's shipment has an order, lines, products and
 * an invoice number to read.
 */
export async function milestoneWorld(
  api: Endpoint,
  customers: number,
  shipmentsPerCustomer: number,
): Promise<MilestoneWorld> {
  const skus = ["SUB-BENCH-A", "SUB-BENCH-B"];
  for (const sku of skus) await createProduct(api, sku, 100_000);
  const customerIds: string[] = [];
  for (let index = 0; index < customers; index += 1) customerIds.push(await createCustomer(api));
  const slots = customerIds.flatMap((customerId) =>
    Array.from({ length: shipmentsPerCustomer }, () => customerId),
  );
  const shipmentIds = await inParallel(slots, 4, async (customerId, index) => {
    const order = await placeOrder(api, customerId, skus, 2);
    const tracking = `1ZSUB${String(index).padStart(6, "0")}`;
    const shipmentId = await confirmShipment(api, shipmentInput(order, 2, tracking));
    await invoicesIssued(api, order.id, 1);
    return shipmentId;
  });
  return { customerIds, shipmentIds };
}

/** Creates an API key and answers the `authorization` value that presents it. */
export async function apiKey(
  api: Endpoint,
  input: { role: "AGENT" | "PARTNER" | "CUSTOMER"; customerId?: string; accounts?: string[] },
): Promise<string> {
  const reply = await post(
    api,
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    { input: { name: `bench ${input.role.toLowerCase()}`, ...input } },
  );
  const secret = (reply.data as { createApiKey?: { secret?: string } } | undefined)?.createApiKey
    ?.secret;
  if (!secret) throw new Error(`no API key: ${JSON.stringify(reply.errors)}`);
  return `Bearer ${secret}`;
}

const RECORD = `mutation ($input: RecordMilestoneInput!) { recordMilestone(input: $input) { __typename } }`;
const TYPES = ["IN_TRANSIT", "OUT_FOR_DELIVERY"] as const;
let recorded = 0;

/**
 * Records a milestone of `shipmentId` that happened now (so receipt minus `occurredAt` is the
 * latency from the moment it was sent). IN_TRANSIT and OUT_FOR_DELIVERY may follow each other
 * and themselves, so a shipment takes any number of them.
 */
export async function recordNow(api: Endpoint, shipmentId: string): Promise<void> {
  const type = TYPES[recorded++ % TYPES.length];
  const input = { shipmentId, type, occurredAt: new Date().toISOString(), location: "Utrecht" };
  const reply = await post(api, RECORD, { input });
  const typename = (reply.data as { recordMilestone?: { __typename: string } } | undefined)
    ?.recordMilestone?.__typename;
  if (typename !== "Shipment") throw new Error(`milestone refused: ${JSON.stringify(reply)}`);
}
