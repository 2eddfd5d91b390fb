import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holdReason, invoiceStatus, isSettled } from "../src/domain/invoice-status.ts";
import type { InvoiceSummaryRecord, ShipmentSummaryRecord } from "../src/store/records.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

const invoice = (change: Partial<InvoiceSummaryRecord> = {}): InvoiceSummaryRecord => ({
  id: "inv_1",
  number: null,
  lines: [],
  issuedAt: null,
  holds: [],
  releases: [],
  ...change,
});

type Happening =
  | { kind: "hold"; reason: string; minute: number }
  | { kind: "release"; reason: string; minute: number }
  | { kind: "issue"; minute: number };

function apply(events: Happening[]): InvoiceSummaryRecord {
  let current = invoice();
  for (const event of events) {
    if (event.kind === "issue")
      current = { ...current, issuedAt: at(event.minute), number: "INV-1" };
    else {
      const entry = { reason: event.reason, detail: "", at: at(event.minute) };
      current =
        event.kind === "hold"
          ? { ...current, holds: [...current.holds, entry] }
          : { ...current, releases: [...current.releases, entry] };
    }
  }
  return current;
}

describe("invoice status seen by orders", () => {
  it("follows hold, release and issue", () => {
    const held = { reason: "CARRIER_EXCEPTION", detail: "", at: at(1) };
    expect(invoiceStatus(invoice())).toBe("DRAFT");
    expect(invoiceStatus(invoice({ holds: [held] }))).toBe("ON_HOLD");
    expect(holdReason(invoice({ holds: [held] }))).toBe("CARRIER_EXCEPTION");
    const released = { ...held, at: at(2) };
    expect(invoiceStatus(invoice({ holds: [held], releases: [released] }))).toBe("DRAFT");
    expect(invoiceStatus(invoice({ holds: [held], releases: [released], issuedAt: at(3) }))).toBe(
      "ISSUED",
    );
    // A release of another reason does not lift the hold.
    const other = { ...released, reason: "POD_MISSING" };
    expect(invoiceStatus(invoice({ holds: [held], releases: [other] }))).toBe("ON_HOLD");
  });

  it("does not depend on the order the events arrive in", () => {
    const happening = fc.oneof(
      fc.record({
        kind: fc.constantFrom("hold" as const, "release" as const),
        reason: fc.constantFrom("POD_MISSING", "CARRIER_EXCEPTION"),
        minute: fc.integer({ min: 0, max: 59 }),
      }),
      fc.record({ kind: fc.constant("issue" as const), minute: fc.integer({ min: 0, max: 59 }) }),
    );
    const history = fc
      .array(happening, { maxLength: 6 })
      .filter((events) => events.filter((event) => event.kind === "issue").length <= 1);
    fc.assert(
      fc.property(history, fc.func(fc.integer()), (events, key) => {
        const shuffled = [...events].sort((a, b) => key(a) - key(b));
        expect(invoiceStatus(apply(shuffled))).toBe(invoiceStatus(apply(events)));
      }),
    );
  });

  it("settles a shipment only when delivered and its invoice is issued and not held", () => {
    const shipment = (change: Partial<ShipmentSummaryRecord>): ShipmentSummaryRecord => ({
      id: "shp_1",
      warehouse: "AMS1",
      carrier: "UPS",
      service: "Standard",
      trackingNumber: "1Z",
      shippedAt: at(0),
      lines: [],
      status: "SHIPPED",
      statusAt: null,
      deliveredAt: null,
      milestones: [],
      invoice: null,
      ...change,
    });
    const issued = invoice({ issuedAt: at(1), number: "INV-1" });
    expect(isSettled(shipment({ invoice: issued }))).toBe(false);
    expect(isSettled(shipment({ deliveredAt: at(2) }))).toBe(false);
    expect(isSettled(shipment({ deliveredAt: at(2), invoice: issued }))).toBe(true);
    const heldLater = {
      ...issued,
      holds: [{ reason: "QUANTITY_MISMATCH", detail: "", at: at(3) }],
    };
    expect(isSettled(shipment({ deliveredAt: at(2), invoice: heldLater }))).toBe(false);
  });
});
