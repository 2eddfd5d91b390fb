import { startReceiver, testPrincipal, type TestReceiver, waitFor } from "@waybill/devtools";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { registerEndpoint, replayDelivery, rotateSecret } from "../src/outbound/endpoints.ts";
import { type OutboundBed, orderUpdated, startOutbound } from "./fixtures/outbound.ts";

const admin = testPrincipal("admin");
let bed: OutboundBed;
let receiver: TestReceiver;

afterEach(async () => {
  await bed.close();
  await receiver.close();
});

async function setUp(env: NodeJS.ProcessEnv = {}) {
  bed = await startOutbound(env);
  receiver = await startReceiver();
}

const register = (eventTypes = ["orders.order.updated"], accounts: string[] = []) =>
  registerEndpoint(bed.outbound, admin, { url: receiver.url, eventTypes, accounts });

const deliveriesOf = async (endpointId: string) =>
  (await bed.outbound.repo.deliveriesPage(endpointId, { first: 100, after: null })).reverse();

const delivered = (endpointId: string, count: number) =>
  waitFor(
    async () => {
      const all = await deliveriesOf(endpointId);
      return all.filter((d) => d.state === "delivered").length === count && all;
    },
    { description: `${count} deliveries delivered` },
  );

describe("outbound webhooks to a real receiver", () => {
  it("sends {type, timestamp, data} signed so that standardwebhooks verifies it, before and during a rotation", async () => {
    await setUp();
    const { endpoint, secret } = await register();
    const first = orderUpdated("ord_1", 1);
    await bed.consume(first);
    await delivered(endpoint._id, 1);
    const [got] = receiver.received;
    expect(JSON.parse(got?.body ?? "")).toEqual({
      type: "orders.order.updated",
      timestamp: first.time,
      data: first.data,
    });
    expect(got?.id).toMatch(/^msg_/);
    expect(
      new Webhook(secret).verify(got?.body ?? "", got?.headers as Record<string, string>),
    ).toEqual(JSON.parse(got?.body ?? ""));

    const { secret: rotated } = await rotateSecret(bed.outbound, admin, endpoint._id);
    expect(rotated).not.toBe(secret);
    await bed.consume(orderUpdated("ord_1", 2));
    await delivered(endpoint._id, 2);
    const during = receiver.received[1];
    const headers = during?.headers as Record<string, string>;
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    for (const key of [secret, rotated])
      expect(new Webhook(key).verify(during?.body ?? "", headers)).toMatchObject({
        data: { revision: 2 },
      });
  });

  it("creates nothing twice for an event the bus delivers again", async () => {
    await setUp();
    const { endpoint } = await register();
    const event = orderUpdated("ord_1", 1);
    expect(await bed.consume(event)).toBe("handled");
    expect(await bed.consume(event)).toBe("duplicate");
    await delivered(endpoint._id, 1);
    expect(await deliveriesOf(endpoint._id)).toHaveLength(1);
    expect(receiver.accepted()).toHaveLength(1);
  });

  it("delivers each webhook once to a receiver that fails three times and then succeeds, and logs every attempt", async () => {
    await setUp();
    receiver.answer = ({ nth }) => ({ status: [500, 503, 429][nth - 1] ?? 200 });
    const { endpoint } = await register();
    for (const order of ["ord_1", "ord_2", "ord_3"]) await bed.consume(orderUpdated(order, 1));
    const all = await delivered(endpoint._id, 3);
    expect(receiver.accepted().sort()).toEqual(all.map((d) => d._id).sort());
    for (const delivery of all) {
      expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 429, 200]);
      for (const attempt of delivery.attempts) expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("keeps an order's webhooks in order while the earlier ones fail", async () => {
    await setUp();
    // The first webhook of each order fails twice; any later one of the order would overtake it.
    receiver.answer = ({ nth, id }) =>
      nth <= 2 && firstOfOrder.has(id) ? { status: 502 } : { status: 200 };
    const firstOfOrder = new Set<string>();
    const { endpoint } = await register();
    for (const revision of [1, 2, 3, 4]) {
      await bed.consume(orderUpdated("ord_A", revision));
      await bed.consume(orderUpdated("ord_B", revision));
    }
    const all = await deliveriesOf(endpoint._id);
    for (const order of ["ord_A", "ord_B"])
      firstOfOrder.add(all.find((d) => d.orderKey === `${endpoint._id}:${order}`)?._id ?? "");
    await delivered(endpoint._id, 8);
    const revisionsOf = (order: string) =>
      receiver.received
        .map((r) => JSON.parse(r.body) as { data: { orderId: string; revision: number } })
        .filter((body) => body.data.orderId === order)
        .map((body) => body.data.revision);
    // Every request of an order, failed ones included, in order: nothing overtook.
    expect(revisionsOf("ord_A")).toEqual([1, 1, 1, 2, 3, 4]);
    expect(revisionsOf("ord_B")).toEqual([1, 1, 1, 2, 3, 4]);
  });

  it("does not let an order's waiting webhooks hold back other orders", async () => {
    await setUp({ WEBHOOK_CONCURRENCY: "2", WEBHOOK_RETRY_SCHEDULE: "0,0.5,0.5" });
    let blocker = "";
    receiver.answer = ({ id, nth }) => ({ status: id === blocker && nth <= 2 ? 500 : 200 });
    const { endpoint } = await register();
    for (let revision = 1; revision <= 20; revision += 1)
      await bed.consume(orderUpdated("ord_A", revision));
    blocker = (await deliveriesOf(endpoint._id))[0]?._id ?? "";
    await bed.consume(orderUpdated("ord_B", 1));
    await delivered(endpoint._id, 21);
    const accepted = receiver.accepted();
    const other = (await deliveriesOf(endpoint._id)).find((d) => d.orderKey?.endsWith("ord_B"));
    // ord_B went while ord_A's first webhook was still being retried.
    expect(accepted.indexOf(other?._id ?? "")).toBeLessThan(accepted.indexOf(blocker));
  });

  it("waits at least what Retry-After asks", async () => {
    await setUp();
    receiver.answer = ({ nth }) =>
      nth === 1 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 };
    const { endpoint } = await register();
    await bed.consume(orderUpdated("ord_1", 1));
    const [delivery] = await delivered(endpoint._id, 1);
    const [first, second] = delivery?.attempts ?? [];
    expect(first?.status).toBe(429);
    expect(second?.status).toBe(200);
    expect((second?.at.getTime() ?? 0) - (first?.at.getTime() ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("gives up after the schedule, and sends again on a replay", async () => {
    await setUp({ WEBHOOK_RETRY_SCHEDULE: "0,0.05" });
    let up = false;
    receiver.answer = () => ({ status: up ? 200 : 500 });
    const { endpoint } = await register();
    await bed.consume(orderUpdated("ord_1", 1));
    const [exhausted] = await waitFor(
      async () => {
        const all = await deliveriesOf(endpoint._id);
        return all[0]?.state === "exhausted" && all;
      },
      { description: "the delivery exhausted" },
    );
    expect(exhausted?.attempts).toHaveLength(2);
    up = true;
    await replayDelivery(bed.outbound, admin, exhausted?._id ?? "");
    await delivered(endpoint._id, 1);
    expect(receiver.accepted()).toEqual([exhausted?._id]);
  });

  it("sends an endpoint only the event types and accounts it registered for", async () => {
    await setUp();
    const { endpoint } = await register(["orders.order.updated"], ["cus_1"]);
    await bed.consume(orderUpdated("ord_1", 1, "cus_2"));
    await bed.consume(orderUpdated("ord_2", 1, "cus_1"));
    await delivered(endpoint._id, 1);
    expect(await deliveriesOf(endpoint._id)).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? "")).toMatchObject({
      data: { orderId: "ord_2" },
    });
  });
});
