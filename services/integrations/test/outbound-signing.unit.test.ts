import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newSecret, webhookHeaders } from "../src/outbound/signing.ts";

// Standard Webhooks: https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
// The `standardwebhooks` package is that specification's own implementation, not ours.
const body = JSON.stringify({
  type: "shipments.milestone.recorded",
  timestamp: "2026-01-02T03:04:05.000Z",
  data: { shipmentId: "shp_1", orderId: "ord_1" },
});

describe("Standard Webhooks signing", () => {
  it("makes whsec_ secrets of 24 random bytes", () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(newSecret()).not.toBe(secret);
  });

  it("signs what the reference implementation verifies, and nothing else", () => {
    const secret = newSecret();
    const headers = webhookHeaders([secret], "msg_1", body, new Date());
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_2" })).toThrow(
      WebhookVerificationError,
    );
  });

  it("signs with both secrets during a rotation, so receivers on either verify", () => {
    const [current, previous] = [newSecret(), newSecret()];
    const headers = webhookHeaders([current, previous], "msg_1", body, new Date());
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it("stamps the attempt's time in seconds", () => {
    const headers = webhookHeaders([newSecret()], "msg_1", body, new Date(1_700_000_000_999));
    expect(headers["webhook-timestamp"]).toBe("1700000000");
  });
});
