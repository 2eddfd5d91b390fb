import { randomUUID } from "node:crypto";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPMENT_MILESTONES } from "../documents/shipments.ts";
import { request } from "../support/graphql.ts";
import { REDIS_URL, redisAnswers } from "../support/redis.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Two gateways over the same subgraphs, sharing the machine's Redis (REDIS_URL, or
// 127.0.0.1:6379): a client's rate limit is one budget across both, and a revoked key ends the
// subscriptions open with it at once, long before the periodic check (an hour here).
const available = await redisAnswers();
if (!available) console.warn(`skipped: no Redis answers at ${REDIS_URL}`);

const BUDGET = 6;
let system: TestSystem;

beforeAll(async () => {
  if (!available) return;
  system = await startTestSystem(
    {
      REDIS_URL,
      RATE_LIMIT_REQUESTS: String(BUDGET),
      RATE_LIMIT_WINDOW_SECONDS: "60",
      SUBSCRIPTION_RECHECK_SECONDS: "3600",
    },
    { moreGateways: 1 },
  );
}, 120_000);

afterAll(async () => {
  await system?.dispose();
});

describe.skipIf(!available)("gateways sharing Redis", () => {
  it("hold one rate limit per client across both gateways", async () => {
    const [second] = system.moreGateways;
    const gateways = [system.gatewayUrl, second?.url ?? ""];
    // Both gateways trust the same identity provider; the subject is new to Redis.
    const authorization = `Bearer ${await system.identities.token("agent", { subject: `burst-${randomUUID()}` })}`;
    const statuses: number[] = [];
    for (let index = 0; index < BUDGET + 2; index += 1) {
      const answer = await request(
        gateways[index % 2] ?? "",
        `{ __typename }`,
        {},
        { authorization },
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(200), 429, 429]);
  });

  it("end a revoked key's open subscriptions at once", async () => {
    const { data } = await request<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      system.gatewayUrl,
      `mutation { createApiKey(input: { name: "3PL feed", role: PARTNER, accounts: ["cus_redis"] }) { secret apiKey { id } } }`,
    );
    const key = data?.createApiKey;
    if (!key) throw new Error("no API key was made");
    let closeCode: number | undefined;
    const closed = new Promise<void>((resolve) => {
      const client = createClient({
        url: system.gatewayUrl.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${key.secret}` },
        on: {
          closed: (event) => {
            closeCode = (event as { code?: number }).code;
            resolve();
          },
        },
      });
      client.subscribe(
        { query: print(SHIPMENT_MILESTONES), variables: { after: "0" } },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      client.on("connected", () => {
        void request(
          system.gatewayUrl,
          `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
          { id: key.apiKey.id },
        );
      });
    });
    const started = Date.now();
    await closed;
    expect(closeCode).toBe(4401);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});
