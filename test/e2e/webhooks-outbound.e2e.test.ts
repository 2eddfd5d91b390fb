import { startReceiver, type TestReceiver, waitFor } from "@waybill/devtools";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { REGISTER_WEBHOOK_ENDPOINT, WEBHOOK_DELIVERIES } from "../documents/webhooks.ts";
import { execute, nodes } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown, milestone, oneUnitShipment } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;
let receiver: TestReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
  system = await startTestSystem({
    WEBHOOK_ALLOW_HTTP: "true",
    WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    WEBHOOK_POLL_MS: "50",
  });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "HOOK-1",
    name: "Hook",
    warehouse: "AMS1",
    quantity: 10,
  });
});

afterAll(async () => {
  await system?.dispose();
  await receiver?.close();
});

describe("outbound webhooks through the gateway", () => {
  it("registers an endpoint with an admin key and delivers a shipment's milestone to it, signed", async () => {
    const { orderId, customerId, lineIds } = await placeDemoOrder(gateway, [
      { sku: "HOOK-1", quantity: 1, unitPrice: "5.00", taxRate: "20" },
    ]);
    const { registerWebhookEndpoint } = await execute(gateway, REGISTER_WEBHOOK_ENDPOINT, {
      url: receiver.url,
      eventTypes: ["shipments.milestone.recorded"],
      accounts: [customerId],
    });
    const { secret, endpoint } = registerWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.enabled).toBe(true);

    const shipment = await confirmWhenKnown(
      gateway,
      oneUnitShipment(orderId, lineIds[0] ?? "", "JD-HOOK-1"),
    );
    if (shipment.__typename !== "Shipment")
      throw new Error(`not confirmed: ${shipment.__typename}`);
    await milestone(gateway, shipment.id, "PICKED_UP", new Date());

    const got = await waitFor(() => receiver.received[0], {
      description: "the milestone webhook",
      timeoutMs: 30_000,
    });
    const body = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
      data: { shipmentId: string; orderId: string; type: string };
    };
    expect(body).toMatchObject({
      type: "shipments.milestone.recorded",
      data: { shipmentId: shipment.id, orderId, type: "PICKED_UP" },
    });
    const log = await waitFor(
      async () => {
        const { webhookEndpoint } = await execute(gateway, WEBHOOK_DELIVERIES, { id: endpoint.id });
        const deliveries = webhookEndpoint ? nodes(webhookEndpoint.deliveries) : [];
        return deliveries[0]?.state === "DELIVERED" && deliveries;
      },
      { description: "the delivery logged" },
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: got.id, type: "shipments.milestone.recorded" });
    expect(log[0]?.attempts.map((a) => a.status)).toEqual([204]);
  });
});
