import type { LookupAddress } from "node:dns";
import { setTimeout as sleep } from "node:timers/promises";
import {
  metricValue,
  startReceiver,
  testPrincipal,
  type TestReceiver,
  waitFor,
} from "@waybill/devtools";
import { errorCode } from "@waybill/graphql";
import { afterEach, describe, expect, it } from "vitest";
import { deliverDue } from "../src/outbound/deliver.ts";
import {
  disableEndpoint,
  enableEndpoint,
  managedEndpoint,
  registerEndpoint,
  replayDeliveriesSince,
  rotateSecret,
  endpointsPage,
} from "../src/outbound/endpoints.ts";
import type { Resolver } from "../src/outbound/ssrf.ts";
import { type OutboundBed, orderUpdated, startOutbound } from "./fixtures/outbound.ts";

const admin = testPrincipal("admin");
let bed: OutboundBed;
let receiver: TestReceiver;

afterEach(async () => {
  await bed.close();
  await receiver.close();
});

async function setUp(env: NodeJS.ProcessEnv = {}, resolver?: Resolver, loop = true) {
  bed = await startOutbound(env, resolver, { loop });
  receiver = await startReceiver();
}

const deliveriesOf = async (endpointId: string) =>
  (await bed.outbound.repo.deliveriesPage(endpointId, { first: 100, after: null })).reverse();

const revisionsAccepted = (orderId: string) =>
  receiver.received
    .filter((r) => r.status < 300 && r.type !== "webhook.probe")
    .map((r) => JSON.parse(r.body) as { data: { orderId: string; revision: number } })
    .filter((body) => body.data.orderId === orderId)
    .map((body) => body.data.revision);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => errorCode(error),
  );

describe("disabling that heals", () => {
  it("disables an endpoint that answers 410, probes it, and once it answers sends what it missed, in order", async () => {
    await setUp();
    let gone = true;
    receiver.answer = () => ({ status: gone ? 410 : 200 });
    const { endpoint } = await registerEndpoint(bed.outbound, admin, {
      url: receiver.url,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
    await bed.consume(orderUpdated("ord_1", 1));
    const disabled = await waitFor(
      async () => {
        const found = await bed.outbound.repo.endpoint(endpoint._id);
        return found?.enabled === false && found;
      },
      { description: "the endpoint disabled" },
    );
    expect(disabled.disabledReason).toBe("GONE");
    const whileDisabled = await bed.metrics();
    expect(
      metricValue(whileDisabled, "waybill_webhook_deliveries_total", { outcome: "gone" }),
    ).toBe(1);
    expect(metricValue(whileDisabled, "waybill_webhook_endpoints_disabled")).toBe(1);
    expect(
      metricValue(whileDisabled, "waybill_webhook_endpoints_disabled_total", { reason: "GONE" }),
    ).toBe(1);
    // Missed while disabled: held, not sent.
    await bed.consume(orderUpdated("ord_1", 2));
    await bed.consume(orderUpdated("ord_2", 1));
    await waitFor(() => receiver.received.some((r) => r.type === "webhook.probe"), {
      description: "a probe",
    });
    expect(receiver.received.filter((r) => r.type !== "webhook.probe")).toHaveLength(1);

    gone = false;
    await waitFor(() => receiver.accepted().length === 3, { description: "what it missed" });
    expect(revisionsAccepted("ord_1")).toEqual([1, 2]);
    expect(revisionsAccepted("ord_2")).toEqual([1]);
    const healed = await bed.metrics();
    expect(metricValue(healed, "waybill_webhook_deliveries_total", { outcome: "delivered" })).toBe(
      3,
    );
    expect(metricValue(healed, "waybill_webhook_delivery_latency_seconds_count")).toBe(4);
    expect(metricValue(healed, "waybill_webhook_endpoints_disabled")).toBe(0);
    expect(await bed.outbound.repo.endpoint(endpoint._id)).toMatchObject({
      enabled: true,
      disabledReason: null,
      failingSince: null,
    });
  });

  it("disables an endpoint failing for longer than the setting, and replays even what was exhausted once it is back", async () => {
    await setUp({ WEBHOOK_RETRY_SCHEDULE: "0,0.05,0.05", WEBHOOK_DISABLE_AFTER_SECONDS: "0.3" });
    let up = false;
    receiver.answer = () => ({ status: up ? 200 : 500 });
    const { endpoint } = await registerEndpoint(bed.outbound, admin, {
      url: receiver.url,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
    await bed.consume(orderUpdated("ord_1", 1));
    await waitFor(async () => (await deliveriesOf(endpoint._id))[0]?.state === "exhausted", {
      description: "the first delivery exhausted",
    });
    expect((await bed.outbound.repo.endpoint(endpoint._id))?.enabled).toBe(true);
    await sleep(300);
    await bed.consume(orderUpdated("ord_1", 2));
    const disabled = await waitFor(
      async () => {
        const found = await bed.outbound.repo.endpoint(endpoint._id);
        return found?.enabled === false && found;
      },
      { description: "the endpoint disabled" },
    );
    expect(disabled.disabledReason).toBe("FAILING");
    up = true;
    await waitFor(() => revisionsAccepted("ord_1").length === 2, { description: "both sent" });
    expect(revisionsAccepted("ord_1")).toEqual([1, 2]);
    expect((await deliveriesOf(endpoint._id)).map((d) => d.state)).toEqual([
      "delivered",
      "delivered",
    ]);
  });
});

describe("by hand", () => {
  it("holds what comes in while an endpoint is disabled by hand, without probing it, and sends it once enabled", async () => {
    await setUp();
    const { endpoint } = await registerEndpoint(bed.outbound, admin, {
      url: receiver.url,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
    const disabled = await disableEndpoint(bed.outbound, admin, endpoint._id);
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "MANUAL" });
    await bed.consume(orderUpdated("ord_1", 1));
    await bed.consume(orderUpdated("ord_1", 2));
    expect((await deliveriesOf(endpoint._id)).map((d) => d.paused)).toEqual([true, true]);
    await sleep(300);
    expect(receiver.received).toEqual([]);
    await enableEndpoint(bed.outbound, admin, endpoint._id);
    await waitFor(() => receiver.accepted().length === 2, { description: "both sent" });
    expect(revisionsAccepted("ord_1")).toEqual([1, 2]);
  });

  it("sends again every delivery since a time, with the same webhook-id", async () => {
    await setUp();
    const { endpoint } = await registerEndpoint(bed.outbound, admin, {
      url: receiver.url,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
    await bed.consume(orderUpdated("ord_1", 1));
    await waitFor(() => receiver.accepted().length === 1, { description: "the first sent" });
    const since = new Date();
    await bed.consume(orderUpdated("ord_2", 1));
    await waitFor(() => receiver.accepted().length === 2, { description: "the second sent" });
    expect(await replayDeliveriesSince(bed.outbound, admin, endpoint._id, since)).toBe(1);
    await waitFor(() => receiver.accepted().length === 3, { description: "the replay sent" });
    const [first, second, replayed] = receiver.accepted();
    expect(replayed).toBe(second);
    expect(replayed).not.toBe(first);
  });
});

describe("no request forgery", () => {
  it("refuses to register private, metadata and loopback targets without an allow-list, and keeps nothing", async () => {
    await setUp({ WEBHOOK_ALLOWED_NETWORKS: "" });
    for (const url of [
      "https://10.0.0.1/hooks",
      "https://169.254.169.254/latest/meta-data/",
      "https://[fd00:ec2::254]/",
      `http://localhost:${receiver.port}/hooks`,
      receiver.url,
    ]) {
      const refused = registerEndpoint(bed.outbound, admin, {
        url,
        eventTypes: ["orders.order.updated"],
        accounts: [],
      });
      await expect(refused, url).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", reason: "FORBIDDEN_TARGET" },
      });
    }
    expect(await endpointsPage(bed.outbound, admin, { first: 10, after: null })).toEqual([]);
  });

  it("refuses at connect time a name that resolved to a public address at registration and to loopback since", async () => {
    let lookups = 0;
    const rebinding: Resolver = (_hostname, _options, callback) => {
      lookups += 1;
      const address = lookups === 1 ? "93.184.216.34" : "127.0.0.1";
      callback(null, [{ address, family: 4 } satisfies LookupAddress]);
    };
    await setUp({ WEBHOOK_ALLOWED_NETWORKS: "", WEBHOOK_RETRY_SCHEDULE: "0" }, rebinding);
    const { endpoint } = await registerEndpoint(bed.outbound, admin, {
      url: `http://rebind.example:${receiver.port}/hooks`,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
    await bed.consume(orderUpdated("ord_1", 1));
    const [delivery] = await waitFor(
      async () => {
        const all = await deliveriesOf(endpoint._id);
        return all[0]?.state === "exhausted" && all;
      },
      { description: "the attempt refused" },
    );
    expect(delivery?.attempts[0]?.status).toBeNull();
    expect(delivery?.attempts[0]?.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(lookups).toBeGreaterThanOrEqual(2);
    expect(receiver.received).toEqual([]);
  });
});

describe("who manages endpoints", () => {
  it("lets a partner register for its own accounts only, and see and rotate only its own", async () => {
    await setUp();
    const partner = testPrincipal("partner", { accounts: ["cus_1"] });
    const other = testPrincipal("partner", { accounts: ["cus_2"] });
    const input = (accounts: string[]) => ({
      url: receiver.url,
      eventTypes: ["shipments.milestone.recorded"],
      accounts,
    });
    expect(await codeOf(registerEndpoint(bed.outbound, partner, input(["cus_2"])))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(registerEndpoint(bed.outbound, partner, input([])))).toBe("FORBIDDEN");
    expect(
      await codeOf(
        registerEndpoint(
          bed.outbound,
          testPrincipal("customer", { customerId: "cus_1" }),
          input(["cus_1"]),
        ),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        registerEndpoint(bed.outbound, admin, {
          ...input([]),
          eventTypes: ["orders.order.placed"],
        }),
      ),
    ).toBe("BAD_USER_INPUT");
    const { endpoint } = await registerEndpoint(bed.outbound, partner, input(["cus_1"]));
    await registerEndpoint(bed.outbound, admin, input([]));
    const visible = (principal: typeof admin) =>
      endpointsPage(bed.outbound, principal, { first: 10, after: null });
    expect((await visible(partner)).map((e) => e._id)).toEqual([endpoint._id]);
    expect(await visible(other)).toEqual([]);
    expect(await visible(admin)).toHaveLength(2);
    // An endpoint of the partner's account and another's is not the partner's to manage.
    await registerEndpoint(bed.outbound, admin, input(["cus_1", "cus_2"]));
    expect((await visible(partner)).map((e) => e._id)).toEqual([endpoint._id]);
    expect(await codeOf(rotateSecret(bed.outbound, other, endpoint._id))).toBe("FORBIDDEN");
    expect(await codeOf(managedEndpoint(bed.outbound, other, "ep_unknown"))).toBe("FORBIDDEN");
    expect(await codeOf(rotateSecret(bed.outbound, partner, endpoint._id))).toBe("resolved");
  });
});

describe("restarts", () => {
  it("tries again a delivery whose worker died mid-attempt, once its lease ends", async () => {
    await setUp({}, undefined, false);
    const { endpoint } = await registerEndpoint(bed.outbound, admin, {
      url: receiver.url,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
    await bed.consume(orderUpdated("ord_1", 1));
    const [due] = await deliveriesOf(endpoint._id);
    // A worker claimed it and died before recording anything.
    expect(await bed.outbound.repo.claimAll([due!], new Date(Date.now() + 300))).toHaveLength(1);
    expect(await deliverDue(bed.outbound.delivery)).toBe(0);
    await sleep(350);
    expect(await deliverDue(bed.outbound.delivery)).toBe(1);
    expect(receiver.accepted()).toEqual([due?._id]);
    expect((await deliveriesOf(endpoint._id))[0]?.state).toBe("delivered");
  });
});
