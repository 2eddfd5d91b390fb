import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShippingRefundRule } from "@waybill/contracts";
import { ConfigError } from "@waybill/config";
import { billingConfig } from "../src/config.ts";
import { adjustmentNoteFor, addCharge, chargeBilling } from "../src/domain/charges.ts";
import { creditInvoice, worthOfFirst } from "../src/domain/credit.ts";
import { priceInvoice, type LineToPrice } from "../src/domain/invoice.ts";
import { allocationOrder, applyReturn, lowerDraft } from "../src/domain/returns.ts";
import { revisionOf, afterEachChange } from "../src/domain/told-state.ts";
import { voidShipment } from "../src/domain/void.ts";
import type { InvoiceRecord } from "../src/store/records.ts";
import { invoice as newInvoice } from "./invoices.ts";

const at = new Date("2026-03-10T00:00:00Z");

/** An invoice of `lines` (`[lineId, units, unitPrice, taxRatePpm]`) and 4.95 shipping; issued when `n` is given. */
function priced(
  id: string,
  lines: [string, number, number, number][],
  { n, createdAt = at }: { n?: number; createdAt?: Date } = {},
): InvoiceRecord {
  const toPrice: LineToPrice[] = lines.map(([lineId, quantity, unitPrice, taxRatePpm]) => ({
    lineId,
    sku: lineId.toUpperCase(),
    quantity,
    unitPrice,
    taxRatePpm,
  }));
  const base = newInvoice("ON_SHIPMENT");
  return {
    ...base,
    _id: id,
    shipmentId: `shp_${id}`,
    ...priceInvoice(toPrice, 495, []),
    createdAt,
    ...(n === undefined
      ? { status: "DRAFT" as const }
      : {
          number: `INV-2026-${String(n).padStart(6, "0")}`,
          status: "ISSUED" as const,
          issuedAt: new Date(createdAt.getTime() + n),
        }),
  };
}

const units = (entries: [string, number][]) => new Map(entries);
const minute = (m: number) => new Date(at.getTime() + m * 60_000);

describe("allocating a return", () => {
  const older = priced("older", [["l1", 2, 1000, 200_000]], { n: 1, createdAt: minute(1) });
  const newer = priced("newer", [["l1", 2, 1000, 200_000]], { n: 2, createdAt: minute(2) });
  const draft = priced("draft", [["l1", 2, 1000, 200_000]], { createdAt: minute(3) });
  const voided: InvoiceRecord = { ...priced("void", [["l1", 5, 1000, 0]]), status: "VOID" };

  it("takes issued invoices newest first, then drafts, never a VOID one", () => {
    expect(allocationOrder([draft, older, voided, newer]).map((i) => i._id)).toEqual([
      "newer",
      "older",
      "draft",
    ]);
    const applied = applyReturn([older, newer, draft, voided], {
      returnId: "r1",
      lines: [{ lineId: "l1", quantity: 5 }],
      rule: "NEVER",
      at,
    });
    expect(applied.notes.map((note) => [note.invoiceId, note.lines[0]?.quantity])).toEqual([
      ["older", 2],
      ["newer", 2],
    ]);
    expect(applied.credited).toEqual([{ lineId: "l1", quantity: 4 }]);
    expect(applied.uninvoiced).toEqual([{ lineId: "l1", quantity: 1 }]);
    expect(applied.short).toEqual([]);
  });

  it("never takes more than an invoice has left to credit, and says what found no room", () => {
    const credited = creditInvoice(newer, units([["l1", 2]]), "RETURN", "r0", "NEVER").invoice;
    const applied = applyReturn([older, credited], {
      returnId: "r1",
      lines: [
        { lineId: "l1", quantity: 3 },
        { lineId: "l2", quantity: 1 },
      ],
      rule: "NEVER",
      at,
    });
    expect(applied.notes.map((note) => note.invoiceId)).toEqual(["older"]);
    expect(applied.short).toEqual([
      { lineId: "l1", quantity: 1 },
      { lineId: "l2", quantity: 1 },
    ]);
  });

  it("ignores lines received as 0 and sums a line told twice", () => {
    const applied = applyReturn([older], {
      returnId: "r1",
      lines: [
        { lineId: "l1", quantity: 0 },
        { lineId: "l1", quantity: 1 },
        { lineId: "l1", quantity: 1 },
      ],
      rule: "NEVER",
      at,
    });
    expect(applied.notes.map((note) => note.lines[0]?.quantity)).toEqual([2]);
  });
});

describe("crediting an issued invoice", () => {
  it("adds up, however the units are split, to exactly the line's net and tax", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }),
        (quantity, unitPrice, rate, cuts) => {
          let current = priced("i", [["l1", quantity, unitPrice, rate]], { n: 1 });
          const line = current.lines[0];
          if (!line) throw new Error("no line");
          let left = quantity;
          const notes = [];
          for (const cut of [...cuts, quantity]) {
            const take = Math.min(cut, left);
            if (!take) break;
            const credit = creditInvoice(current, units([["l1", take]]), "RETURN", "r", "NEVER");
            current = credit.invoice;
            notes.push(credit.note);
            left -= take;
          }
          const credited = notes.flatMap((note) => note.lines);
          expect(credited.every((part) => part.tax >= 0 && part.net >= 0)).toBe(true);
          expect(credited.reduce((sum, part) => sum + part.net, 0)).toBe(line.net);
          expect(credited.reduce((sum, part) => sum + part.tax, 0)).toBe(line.tax);
          for (const note of notes) expect(note.total).toBe(note.subtotal + note.taxTotal);
        },
      ),
    );
  });

  it("rounds tax on the cumulative amount: three thirds of 9.99 at 20 % credit 0.67, 0.66, 0.67", () => {
    const line = priced("i", [["l1", 3, 333, 200_000]], { n: 1 }).lines[0];
    if (!line) throw new Error("no line");
    expect([1, 2, 3].map((n) => worthOfFirst(line, n).tax)).toEqual([67, 133, 200]);
  });

  it("never credits above what was invoiced and not credited yet", () => {
    const issued = priced("i", [["l1", 2, 1000, 200_000]], { n: 1 });
    const once = creditInvoice(issued, units([["l1", 2]]), "RETURN", "r1", "NEVER").invoice;
    expect(() => creditInvoice(once, units([["l1", 1]]), "RETURN", "r2", "NEVER")).toThrow(
      RangeError,
    );
    expect(() => creditInvoice(issued, units([["l9", 1]]), "RETURN", "r2", "NEVER")).toThrow(
      RangeError,
    );
    expect(() =>
      creditInvoice(priced("d", [["l1", 2, 1000, 0]]), units([["l1", 1]]), "RETURN", "r", "NEVER"),
    ).toThrow(/not issued/);
  });

  it.each<[ShippingRefundRule, number[]]>([
    ["NEVER", [0, 0, 0]],
    ["ALWAYS", [495, 0, 0]],
    ["ON_FULL_RETURN", [0, 0, 495]],
  ])("refunds shipping once at most under %s", (rule, refunds) => {
    let current = priced("i", [["l1", 3, 1000, 200_000]], { n: 1 });
    const seen: number[] = [];
    for (let n = 0; n < 3; n++) {
      const credit = creditInvoice(current, units([["l1", 1]]), "RETURN", `r${n}`, rule);
      seen.push(credit.note.shippingRefund);
      if (credit.note.shippingRefund) expect(credit.note.shippingTax).toBe(99);
      current = credit.invoice;
    }
    expect(seen).toEqual(refunds);
  });
});

describe("lowering an invoice not issued yet", () => {
  it("takes the units off its lines and prices it again", () => {
    const draft = priced("d", [
      ["l1", 3, 1000, 200_000],
      ["l2", 1, 500, 70_000],
    ]);
    const lowered = lowerDraft(draft, units([["l1", 1]]), "NEVER", at);
    expect(lowered.changes).toEqual([]);
    expect(lowered.invoice.lines.map((line) => [line.quantity, line.net, line.tax])).toEqual([
      [2, 2000, 400],
      [1, 500, 35],
    ]);
    expect(lowered.invoice.total).toBe(2000 + 400 + 500 + 35 + 495 + 99);
  });

  it("drops its shipping under ALWAYS, and voids it when no line is left", () => {
    const draft = priced("d", [["l1", 2, 1000, 200_000]]);
    expect(lowerDraft(draft, units([["l1", 1]]), "ALWAYS", at).invoice.shippingCharge).toBe(0);
    const emptied = lowerDraft(draft, units([["l1", 2]]), "NEVER", at);
    expect(emptied.invoice.status).toBe("VOID");
    expect(emptied.changes.map((change) => change.kind)).toEqual(["voided"]);
  });
});

describe("a voided shipment", () => {
  it("voids a draft: its holds released, then the void, one revision each", () => {
    const held = {
      ...priced("d", [["l1", 1, 1000, 0]]),
      status: "ON_HOLD" as const,
      holds: [
        {
          reason: "CARRIER_EXCEPTION" as const,
          detail: "damaged",
          heldAt: at,
          releasedAt: null,
          releasedBy: null,
          comment: null,
        },
      ],
    };
    const applied = voidShipment([held], held, {
      voidedAt: minute(5),
      reason: "label cancelled",
      rule: "NEVER",
    });
    const [transition] = applied.transitions;
    expect(transition?.changes.map((change) => change.kind)).toEqual(["released", "voided"]);
    expect(transition?.invoice).toMatchObject({ status: "VOID", voidedAt: minute(5) });
    const steps = afterEachChange(transition?.invoice ?? held, transition?.changes ?? []);
    expect(steps.map((step) => [step.status, revisionOf(step)])).toEqual([
      ["DRAFT", 2],
      ["VOID", 3],
    ]);
    expect(applied.notes).toEqual([]);
  });

  it("credits all that is left of an issued invoice, charges included", () => {
    const issued = priced("i", [["l1", 3, 1000, 200_000]], { n: 1 });
    const partly = creditInvoice(issued, units([["l1", 1]]), "RETURN", "r1", "ALWAYS").invoice;
    const withCharge = {
      ...partly,
      returned: [{ returnId: "r1", lineId: "l1", quantity: 1 }],
      ...priceInvoice(partly.lines, partly.shippingCharge, [
        { chargeId: "c1", type: "LIFTGATE", description: null, amount: 2500 },
      ]),
    };
    // The return unit it had taken is handed to the order's other invoice.
    const other = priced("o", [["l1", 1, 1000, 200_000]], { n: 2 });
    const applied = voidShipment([withCharge, other], withCharge, {
      voidedAt: minute(5),
      reason: "label cancelled",
      rule: "ALWAYS",
    });
    const [voidNote, moved] = applied.notes;
    expect(voidNote).toMatchObject({
      reason: "VOID",
      shippingRefund: 0,
      lines: [{ quantity: 2 }],
      charges: [{ chargeId: "c1", amount: 2500 }],
    });
    expect((voidNote?.total ?? 0) + (partly.credit?.total ?? 0)).toBe(withCharge.total);
    expect(moved).toMatchObject({ reason: "RETURN", invoiceId: "o", returnId: "r1" });
    const ended = applied.transitions.find((t) => t.invoice._id === "i")?.invoice;
    expect(ended).toMatchObject({ status: "ISSUED", returned: [] });
    expect(applied.short).toEqual([]);
  });
});

describe("a carrier charge", () => {
  const rebilled = billingConfig({}).CHARGE_REBILL;
  const draft = priced("d", [
    ["l1", 1, 1000, 70_000],
    ["l2", 1, 1000, 200_000],
  ]);
  const issued = { ...draft, number: "INV-2026-000001", status: "ISSUED" as const };

  it("is re-billed by type: on the invoice before issue, on a note after, never on a voided shipment or when it is a refund", () => {
    const liftgate = { type: "LIFTGATE" as const, amount: 2500 };
    expect(chargeBilling(draft, liftgate, rebilled)).toBe("INVOICED");
    expect(chargeBilling(issued, liftgate, rebilled)).toBe("ADJUSTMENT_NOTE");
    expect(chargeBilling(draft, { type: "FUEL", amount: 300 }, rebilled)).toBe("COST_ONLY");
    expect(chargeBilling(draft, { type: "LIFTGATE", amount: -100 }, rebilled)).toBe("COST_ONLY");
    expect(chargeBilling({ ...issued, voidedAt: at }, liftgate, rebilled)).toBe("COST_ONLY");
    expect(chargeBilling({ ...draft, status: "VOID" }, liftgate, rebilled)).toBe("COST_ONLY");
  });

  it("is taxed like shipping, at the highest rate among the invoice's lines", () => {
    const charge = { chargeId: "c1", type: "LIFTGATE" as const, description: null, amount: 2500 };
    const added = addCharge(draft, charge);
    expect(added.charges).toMatchObject([{ taxRatePpm: 200_000, tax: 500 }]);
    expect(added.total).toBe(draft.total + 3000);
    expect(adjustmentNoteFor(issued, charge)).toMatchObject({ tax: 500, total: 3000 });
    expect(() => addCharge(issued, charge)).toThrow(RangeError);
  });
});

describe("CHARGE_REBILL", () => {
  it("re-bills liftgate, redelivery, address correction and residential unless set", () => {
    expect([...billingConfig({}).CHARGE_REBILL]).toEqual([
      "LIFTGATE",
      "REDELIVERY",
      "ADDRESS_CORRECTION",
      "RESIDENTIAL",
    ]);
    expect([...billingConfig({ CHARGE_REBILL: " FUEL , OTHER" }).CHARGE_REBILL]).toEqual([
      "FUEL",
      "OTHER",
    ]);
    expect(billingConfig({ CHARGE_REBILL: "" }).CHARGE_REBILL.size).toBe(0);
  });

  it("refuses an unknown type, naming the variable", () => {
    expect(() => billingConfig({ CHARGE_REBILL: "LIFTGATE,TOLL" })).toThrow(ConfigError);
    expect(() => billingConfig({ CHARGE_REBILL: "LIFTGATE,TOLL" })).toThrow(
      /CHARGE_REBILL: unknown carrier charge type\(s\) TOLL/,
    );
  });
});
