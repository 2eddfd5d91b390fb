import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { afterShipConfig } from "../src/sources/aftership/config.ts";
import { mapAfterShip } from "../src/sources/aftership/mapping.ts";
import { afterShipWebhook } from "../src/sources/aftership/payload.ts";
import {
  afterShipSignature,
  isValidAfterShipSignature,
} from "../src/sources/aftership/signature.ts";
import { afterShipJson } from "./fixtures/carriers.ts";

// Follows https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications (body and
// the `aftership-hmac-sha256` header), and for tags and subtags
// https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses and
// https://www.aftership.com/docs/tracking/2025-04/enum/delivery-sub-statuses (Exception_004 is
// "Delayed (Customs clearance)").
const secret = "aftership-webhook-secret-0123456789";
const AT = "2026-11-03T14:30:00+01:00";

const sample = (tag: string, subtag: string, signedBy?: string) =>
  afterShipJson({
    eventId: "b8f0a1f4-2a4b-4c1e-9d59-6d3f8f6f2a10",
    trackingNumber: "1Z9999999999999998",
    tag,
    subtag,
    at: AT,
    ...(signedBy ? { signedBy } : {}),
  });
const mapped = (json: string) => mapAfterShip(afterShipWebhook.parse(JSON.parse(json)));

describe("AfterShip webhook signature", () => {
  it("is base64 HMAC-SHA256 of the raw body with the webhook secret", () => {
    const body = Buffer.from(sample("Delivered", "Delivered_001"));
    const expected = createHmac("sha256", secret).update(body).digest("base64");
    expect(afterShipSignature(secret, body)).toBe(expected);
    expect(isValidAfterShipSignature(secret, body, expected)).toBe(true);
  });

  it("refuses a tampered body, another secret, a cut or missing signature", () => {
    const body = Buffer.from(sample("Delivered", "Delivered_001", "J. SMITH"));
    const signature = afterShipSignature(secret, body);
    const tampered = Buffer.from(body.toString().replace("J. SMITH", "A. FORGER"));
    expect(isValidAfterShipSignature(secret, tampered, signature)).toBe(false);
    expect(isValidAfterShipSignature("another-secret-0123456789", body, signature)).toBe(false);
    expect(isValidAfterShipSignature(secret, body, signature.slice(0, -4))).toBe(false);
    expect(isValidAfterShipSignature(secret, body, undefined)).toBe(false);
  });

  it("reads the secret once: unset leaves the source out, too short refuses to start", () => {
    expect(afterShipConfig({})).toEqual({ secret: null });
    expect(afterShipConfig({ AFTERSHIP_WEBHOOK_SECRET: secret })).toEqual({ secret });
    expect(() => afterShipConfig({ AFTERSHIP_WEBHOOK_SECRET: "short" })).toThrow(
      /AFTERSHIP_WEBHOOK_SECRET/,
    );
  });
});

describe("AfterShip tags onto canonical milestones", () => {
  it("Delivered with a signer is DELIVERED and PROOF_OF_DELIVERY signed by them, of slug + number", () => {
    expect(mapped(sample("Delivered", "Delivered_001", "J. SMITH"))).toEqual({
      event: {
        eventId: "b8f0a1f4-2a4b-4c1e-9d59-6d3f8f6f2a10",
        carrier: "ups",
        trackingNumber: "1Z9999999999999998",
        milestones: [
          {
            type: "DELIVERED",
            occurredAt: AT,
            location: "Paris, Ile-de-France, FRA",
            detail: "Delivered scan",
            signedBy: null,
            reasonCode: null,
          },
          {
            type: "PROOF_OF_DELIVERY",
            occurredAt: AT,
            location: "Paris, Ile-de-France, FRA",
            detail: "Delivered scan",
            signedBy: "J. SMITH",
            reasonCode: null,
          },
        ],
      },
    });
  });

  it("Delivered without a signer is DELIVERED only", () => {
    const result = mapped(sample("Delivered", "Delivered_002"));
    expect("event" in result && result.event.milestones.map((m) => m.type)).toEqual(["DELIVERED"]);
  });

  it.each([
    ["InfoReceived", "InfoReceived_001", "LABEL_CREATED", null],
    ["InTransit", "InTransit_002", "IN_TRANSIT", null],
    ["OutForDelivery", "OutForDelivery_001", "OUT_FOR_DELIVERY", null],
    ["AttemptFail", "AttemptFail_002", "DELIVERY_ATTEMPTED", "AttemptFail_002"],
    ["AvailableForPickup", "AvailableForPickup_001", "AVAILABLE_FOR_PICKUP", null],
    ["Exception", "Exception_004", "EXCEPTION", "Exception_004"],
    ["Exception", "Exception_011", "RETURNED_TO_SENDER", null],
  ])("%s/%s is %s with reason %s", (tag, subtag, type, reasonCode) => {
    const result = mapped(sample(tag, subtag));
    expect(result).toMatchObject({ event: { milestones: [{ type, reasonCode, occurredAt: AT }] } });
    expect("event" in result && result.event.milestones).toHaveLength(1);
  });

  it("Pending and Expired tell no milestone; other events are ignored; an unknown tag is unmappable", () => {
    expect(mapped(sample("Pending", "Pending_001"))).toEqual({
      ignored: "AfterShip tag Pending tells no milestone",
    });
    expect(mapped(sample("Expired", "Expired_001"))).toHaveProperty("ignored");
    const edd = afterShipJson({
      eventId: "e1",
      trackingNumber: "1Z1",
      tag: "InTransit",
      subtag: "InTransit_001",
      at: AT,
      event: "edd_revise",
    });
    expect(mapped(edd)).toHaveProperty("ignored");
    expect(mapped(sample("Teleported", "Teleported_001"))).toEqual({
      unmappable: "AfterShip tag Teleported has no canonical milestone",
    });
  });

  it("names the carrier as Waybill does where the slug differs, and by the slug otherwise", () => {
    const carrierOf = (slug: string) => {
      const json = afterShipJson({
        eventId: "e",
        trackingNumber: "1",
        slug,
        tag: "InTransit",
        subtag: "InTransit_001",
        at: AT,
      });
      const result = mapped(json);
      return "event" in result ? result.event.carrier : undefined;
    };
    expect(carrierOf("royal-mail")).toBe("Royal Mail");
    expect(carrierOf("fedex")).toBe("fedex");
  });
});
