import type { IncomingMessage } from "node:http";
import { randomBytes } from "node:crypto";
import { INTERNAL_HEADERS, verifyRequest } from "@waybill/auth";
import { boundPort, closeServer, firstHeader, listen, readBody, sendJson } from "@waybill/http";
import { createLogger, withTraceContext } from "@waybill/observability";
import { describe, expect, it, onTestFinished } from "vitest";
import { webhookRelay } from "../src/webhooks.ts";

const key = randomBytes(32);
const logger = createLogger("gateway-test", "silent");

type Received = { path: string; headers: IncomingMessage["headers"]; body: string };

/**
 * The integrations service as the gateway sees it: a manifest of sources at
 * /internal/webhook-sources and their topics, all answering only calls the gateway signed.
 */
async function integrations(options: { manifestAnswers?: number } = {}) {
  const received: Received[] = [];
  let manifestCalls = 0;
  const server = await listen(
    async (req, res) => {
      const body = await readBody(req, 1_048_576);
      const check = verifyRequest(
        key,
        { method: req.method ?? "", path: req.url ?? "", body, principal: "" },
        {
          timestamp: firstHeader(req, INTERNAL_HEADERS.timestamp),
          signature: firstHeader(req, INTERNAL_HEADERS.signature),
        },
      );
      if (!check.valid) return sendJson(res, 401, { error: { code: "UNAUTHENTICATED" } });
      if (req.url === "/internal/webhook-sources") {
        manifestCalls += 1;
        return sendJson(res, options.manifestAnswers ?? 200, {
          sources: [
            {
              name: "acme",
              headers: ["x-acme-signature", "x-acme-topic"],
              topics: ["parcel-moved"],
            },
          ],
        });
      }
      received.push({ path: req.url ?? "", headers: req.headers, body: body.toString("utf8") });
      sendJson(res, 202, { accepted: true });
    },
    0,
    "127.0.0.1",
  );
  onTestFinished(() => closeServer(server));
  return {
    url: `http://127.0.0.1:${boundPort(server)}/graphql`,
    received,
    manifestCalls: () => manifestCalls,
  };
}

async function gateway(integrationsUrl: string) {
  const relay = webhookRelay({ integrationsUrl, limit: 1_024, signingKey: key, logger });
  const server = await listen(withTraceContext(relay), 0, "127.0.0.1");
  onTestFinished(() => closeServer(server));
  return `http://127.0.0.1:${boundPort(server)}`;
}

const post = (url: string, headers: Record<string, string> = {}, body = '{"parcel":"P-1"}') =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("gateway: webhooks relayed to the integrations service", () => {
  it("relays the exact body with only the headers the source declared, signed, and answers as it does", async () => {
    const behind = await integrations();
    const base = await gateway(behind.url);
    const body = '{ "parcel": "P-1",  "spaces kept": true }';
    const answer = await post(
      `${base}/webhooks/acme/parcel-moved`,
      {
        "x-acme-signature": "sig",
        "x-acme-topic": "parcel/moved",
        authorization: "Bearer wb_someone_elses_key",
        cookie: "session=1",
        "x-undeclared": "nope",
        "x-correlation-id": "corr-42",
      },
      body,
    );
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ accepted: true });
    const [relayed] = behind.received;
    expect(relayed?.path).toBe("/webhooks/acme/parcel-moved");
    expect(relayed?.body).toBe(body);
    expect(relayed?.headers).toMatchObject({
      "x-acme-signature": "sig",
      "x-acme-topic": "parcel/moved",
      "x-correlation-id": "corr-42",
    });
    for (const dropped of ["authorization", "cookie", "x-undeclared", INTERNAL_HEADERS.principal])
      expect(relayed?.headers, dropped).not.toHaveProperty(dropped);
  });

  it("answers 404 for a source or topic the integrations service does not declare, relaying nothing", async () => {
    const behind = await integrations();
    const base = await gateway(behind.url);
    for (const path of [
      "/webhooks/other/parcel-moved",
      "/webhooks/acme/other",
      "/webhooks/acme/parcel-moved/x",
    ]) {
      const answer = await post(`${base}${path}`);
      expect(answer.status, path).toBe(404);
      expect(await answer.json(), path).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    expect(behind.received).toEqual([]);
    // One manifest for all of them: it is kept for a while.
    expect(behind.manifestCalls()).toBe(1);
  });

  it("refuses other methods and bodies above the limit", async () => {
    const behind = await integrations();
    const base = await gateway(behind.url);
    expect((await fetch(`${base}/webhooks/acme/parcel-moved`)).status).toBe(405);
    const large = await post(`${base}/webhooks/acme/parcel-moved`, {}, "x".repeat(2_000));
    expect(large.status).toBe(413);
    expect(behind.received).toEqual([]);
  });

  it("answers 503 while the integrations service cannot say which sources it takes", async () => {
    const behind = await integrations({ manifestAnswers: 500 });
    const base = await gateway(behind.url);
    const answer = await post(`${base}/webhooks/acme/parcel-moved`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ error: { code: "WEBHOOKS_UNAVAILABLE" } });
  });
});
