import type { VariablesOf } from "@graphql-typed-document-node/core";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent } from "@waybill/bus";
import { waitFor } from "@waybill/devtools";
import { EXCEPTIONS } from "../documents/exception-queue.ts";
import { execute, nodes, request, type Paged } from "../support/graphql.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  // Two deliveries 100 ms apart, so events that cannot be applied reach the queue within the test.
  system = await startTestSystem({ CONSUMER_MAX_DELIVER: "2", CONSUMER_BACKOFF_MS: "100" });
  gateway = system.gatewayUrl;
});

afterAll(async () => {
  await system?.dispose();
});

type Exception = { id: string; status: string; resolution: string | null };

const exceptions = async (filter: VariablesOf<typeof EXCEPTIONS>["filter"]) =>
  nodes((await execute(gateway, EXCEPTIONS, { filter })).exceptions);

/** Publishes straight onto the broker, as a faulty or early producer would. */
async function publish(subject: string, payload: string, id: string): Promise<void> {
  const connection = await connect({ servers: system.natsUrl });
  try {
    await jetstream(connection).publish(subject, payload, { msgID: id });
  } finally {
    await connection.close();
  }
}

const shipment = buildEvent({
  type: "shipments.shipment.confirmed",
  subject: "shp_ghost",
  source: "test",
  data: {
    shipmentId: "shp_ghost",
    orderId: "ord_ghost",
    customerId: "cus_ghost",
    warehouse: "AMS1",
    lines: [{ lineId: "ord_ghost-1", sku: "GHOST", quantity: 1 }],
    carrier: "UPS",
    service: "Ground",
    trackingNumber: "1ZGHOST",
    shippedAt: new Date().toISOString(),
    shippingCharge: { amount: 0, currency: "EUR" },
  },
});
const order = buildEvent({
  type: "orders.order.placed",
  subject: "ord_ghost",
  source: "test",
  data: {
    orderId: "ord_ghost",
    customerId: "cus_ghost",
    billingPolicy: "ON_SHIPMENT",
    shippingRefund: "NEVER",
    currency: "EUR",
    lines: [{ lineId: "ord_ghost-1", sku: "GHOST", quantity: 1, unitPrice: 1000, taxRatePpm: 0 }],
    placedAt: new Date().toISOString(),
  },
});

describe("the exception queue through the gateway", () => {
  it("parks an invalid event in every consuming service, and a person resolves it", async () => {
    await publish("shipments.shipment.confirmed", '{"not":"an event"}', "poison-1");
    const parked = await waitFor(
      async () => {
        const found = await exceptions({ category: "VALIDATION", status: "OPEN" });
        return found.length >= 4 ? found : undefined;
      },
      { description: "validation exceptions in the consumers of shipments" },
    );
    expect(new Set(parked.map((e) => e.service))).toEqual(
      new Set(["orders", "inventory", "billing", "returns"]),
    );
    expect(parked.every((e) => e.owner === "OPERATIONS" && e.eventId === null)).toBe(true);
    const [first] = parked;
    const { resolveException } = await execute<{ resolveException: Exception }>(
      gateway,
      `mutation($id: ID!) { resolveException(id: $id, comment: "producer bug, fixed upstream") { id status resolution } }`,
      { id: first?.id },
    );
    expect(resolveException).toMatchObject({
      status: "RESOLVED",
      resolution: "producer bug, fixed upstream",
    });
  });

  it("parks a shipment whose order never reached billing (master data), and a retry applies it once the order arrives", async () => {
    await publish("shipments.shipment.confirmed", JSON.stringify(shipment), shipment.id);
    const parked = await waitFor(
      async () =>
        (await exceptions({ service: "billing", category: "MISSING_REFERENCE" })).find(
          (e) => e.eventId === shipment.id,
        ),
      { description: "billing to park the shipment" },
    );
    expect(parked).toMatchObject({ owner: "MASTER_DATA", status: "OPEN" });
    expect(parked.error).toMatch(/ord_ghost/);

    await publish("orders.order.placed", JSON.stringify(order), order.id);
    const retried = await waitFor(
      async () => {
        const { retryException } = await execute<{ retryException: Exception }>(
          gateway,
          `mutation($id: ID!) { retryException(id: $id) { id status resolution } }`,
          { id: parked.id },
        );
        return retryException.status === "RETRIED" ? retryException : undefined;
      },
      { description: "the retry to succeed once billing knows the order" },
    );
    expect(retried.resolution).toBe("applied on retry");
    const { invoices } = await execute<{ invoices: Paged<{ number: string; status: string }> }>(
      gateway,
      `{ invoices(orderId: "ord_ghost") { edges { node { number status } } } }`,
    );
    expect(nodes(invoices)).toMatchObject([{ status: "ISSUED" }]);

    const again = await request<{ retryException: Exception }>(
      gateway,
      `mutation($id: ID!) { retryException(id: $id) { status } }`,
      { id: parked.id },
    );
    expect(again.data?.retryException.status).toBe("RETRIED");
  });

  it("replays a stream into a service without doubling anything", async () => {
    type Replay = {
      replayEvents: { examined: number; applied: number; duplicates: number; failed: number };
    };
    const { replayEvents } = await execute<Replay>(
      gateway,
      `mutation { replayEvents(input: { service: "billing", stream: "shipments", fromSequence: 1 }) { examined applied duplicates failed } }`,
    );
    expect(replayEvents.examined).toBeGreaterThanOrEqual(2);
    expect(replayEvents.applied).toBe(0);
    expect(replayEvents.duplicates).toBeGreaterThanOrEqual(1);
    expect(replayEvents.failed).toBe(1); // the invalid message, still invalid
    const { invoices } = await execute<{ invoices: Paged<unknown> }>(
      gateway,
      `{ invoices(orderId: "ord_ghost") { edges { node { id } } } }`,
    );
    expect(invoices.edges).toHaveLength(1);

    const bad = await request(
      gateway,
      `mutation { replayEvents(input: { service: "billing", stream: "shipments" }) { examined } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await request(
      gateway,
      `mutation { retryException(id: "billing/nope") { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
