import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { easyPostConfig } from "../src/sources/easypost/config.ts";
import { mapEasyPost } from "../src/sources/easypost/mapping.ts";
import { easyPostEvent } from "../src/sources/easypost/payload.ts";
import { easyPostSignature, isValidEasyPostSignature } from "../src/sources/easypost/signature.ts";
import { easyPostJson } from "./fixtures/carriers.ts";

// Follows https://docs.easypost.com/guides/webhooks-guide (the `X-Hmac-Signature` header, as the
// client libraries' validate_webhook computes it), https://docs.easypost.com/docs/events (the
// Event) and https://docs.easypost.com/docs/trackers (the Tracker, its statuses and details).
const secret = "easypost-webhook-secret-0123456789";
const AT = "2026-11-03T14:30:00Z";

const sample = (status: string, statusDetail: string, signedBy?: string) =>
  easyPostJson({
    id: "evt_0b7d4e9a8f6c4d2b9e1a3c5f7d9b1e3a",
    trackingCode: "9400110898825022579493",
    status,
    statusDetail,
    at: AT,
    ...(signedBy ? { signedBy } : {}),
  });
const mapped = (json: string) => mapEasyPost(easyPostEvent.parse(JSON.parse(json)));

describe("EasyPost webhook signature", () => {
  it("is hmac-sha256-hex= and the hex HMAC-SHA256 of the raw body under the secret", () => {
    const body = Buffer.from(sample("delivered", "arrived_at_destination"));
    const hex = createHmac("sha256", secret).update(body).digest("hex");
    expect(easyPostSignature(secret, body)).toBe(`hmac-sha256-hex=${hex}`);
    expect(isValidEasyPostSignature(secret, body, `hmac-sha256-hex=${hex}`)).toBe(true);
  });

  it("normalises the secret to NFKD first, so a composed and a decomposed secret agree", () => {
    const composed = "caf\u00e9-webhook-secret-0123456789";
    const decomposed = "cafe\u0301-webhook-secret-0123456789";
    const body = Buffer.from(sample("in_transit", "arrived_at_facility"));
    const hex = createHmac("sha256", Buffer.from(decomposed, "utf8")).update(body).digest("hex");
    expect(isValidEasyPostSignature(composed, body, `hmac-sha256-hex=${hex}`)).toBe(true);
  });

  it("refuses a tampered body, another secret, no prefix or no signature", () => {
    const body = Buffer.from(sample("delivered", "arrived_at_destination", "JOHN"));
    const signature = easyPostSignature(secret, body);
    const tampered = Buffer.from(body.toString().replace("JOHN", "MALLORY"));
    expect(isValidEasyPostSignature(secret, tampered, signature)).toBe(false);
    expect(isValidEasyPostSignature("another-secret-0123456789", body, signature)).toBe(false);
    expect(isValidEasyPostSignature(secret, body, signature.replace("hmac-sha256-hex=", ""))).toBe(
      false,
    );
    expect(isValidEasyPostSignature(secret, body, undefined)).toBe(false);
  });

  it("reads the secret once: unset leaves the source out, too short refuses to start", () => {
    expect(easyPostConfig({})).toEqual({ secret: null });
    expect(easyPostConfig({ EASYPOST_WEBHOOK_SECRET: secret })).toEqual({ secret });
    expect(() => easyPostConfig({ EASYPOST_WEBHOOK_SECRET: "short" })).toThrow(
      /EASYPOST_WEBHOOK_SECRET/,
    );
  });
});

describe("EasyPost tracker statuses onto canonical milestones", () => {
  it("delivered with signed_by is DELIVERED and PROOF_OF_DELIVERY, of carrier + tracking code", () => {
    expect(mapped(sample("delivered", "arrived_at_destination", "JOHN"))).toEqual({
      event: {
        eventId: "evt_0b7d4e9a8f6c4d2b9e1a3c5f7d9b1e3a",
        carrier: "USPS",
        trackingNumber: "9400110898825022579493",
        milestones: [
          {
            type: "DELIVERED",
            occurredAt: AT,
            location: "CHARLESTON, SC, 29401, US",
            detail: "Your item was handled",
            signedBy: null,
            reasonCode: null,
          },
          {
            type: "PROOF_OF_DELIVERY",
            occurredAt: AT,
            location: "CHARLESTON, SC, 29401, US",
            detail: "Your item was handled",
            signedBy: "JOHN",
            reasonCode: null,
          },
        ],
      },
    });
  });

  it.each([
    ["pre_transit", "label_created", "LABEL_CREATED", null],
    ["in_transit", "arrived_at_facility", "IN_TRANSIT", null],
    ["out_for_delivery", "out_for_delivery", "OUT_FOR_DELIVERY", null],
    ["available_for_pickup", "arrived_at_pickup_location", "AVAILABLE_FOR_PICKUP", null],
    ["return_to_sender", "return", "RETURNED_TO_SENDER", null],
    ["failure", "address_not_found", "EXCEPTION", "address_not_found"],
  ])("%s (%s) is %s with reason %s", (status, detail, type, reasonCode) => {
    const result = mapped(sample(status, detail));
    expect(result).toMatchObject({ event: { milestones: [{ type, reasonCode, occurredAt: AT }] } });
    expect("event" in result && result.event.milestones).toHaveLength(1);
  });

  it("cancelled, error and unknown tell no milestone; an unknown status is unmappable", () => {
    for (const status of ["cancelled", "error", "unknown"])
      expect(mapped(sample(status, "unknown"))).toHaveProperty("ignored");
    expect(mapped(sample("teleported", "unknown"))).toEqual({
      unmappable: "EasyPost status teleported has no canonical milestone",
    });
    const batch = easyPostJson({
      id: "evt_1",
      trackingCode: "1",
      status: "delivered",
      statusDetail: "x",
      at: AT,
      description: "batch.updated",
    });
    expect(mapped(batch)).toHaveProperty("ignored");
  });

  it("names the carrier as Waybill does where EasyPost's name differs, and by it otherwise", () => {
    const carrierOf = (carrier: string) => {
      const json = easyPostJson({
        id: "evt_2",
        trackingCode: "1",
        carrier,
        status: "in_transit",
        statusDetail: "x",
        at: AT,
      });
      const result = mapped(json);
      return "event" in result ? result.event.carrier : undefined;
    };
    expect(carrierOf("DHLExpress")).toBe("DHL");
    expect(carrierOf("FedEx")).toBe("FedEx");
  });
});
