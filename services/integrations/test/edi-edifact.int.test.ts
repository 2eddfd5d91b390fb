import { Reader } from "edifact";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import {
  adjustLiftgate,
  confirmShipment,
  creditMugs,
  issueInvoice,
  order,
} from "./fixtures/connectors.ts";
import { centsOf, type EdiBed, edifactPartner, startEdiBed } from "./fixtures/edi.ts";

// UN/EDIFACT D.96A DESADV and INVOIC, read back with node-edifact's Reader (its own segment and
// element definitions), not with anything the connector uses.

type Segment = { name: string; elements: string[][] };

let bed: EdiBed;

afterEach(async () => {
  await bed.close();
});

const settled = (documentId: string) =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("edi", documentId);
      return record?.state === "delivered" && record;
    },
    { description: `${documentId} delivered` },
  );

/**
 * The message of an interchange of one message, checked as a partner's translator would: UNT's
 * count is the segments UNH to UNT, UNZ's the messages; references agree.
 */
function messageOf(text: string) {
  expect(text.startsWith("UNA:+.? '")).toBe(true);
  const segments: Segment[] = new Reader().parse(text);
  const names = segments.map((segment) => segment.name);
  const [unb] = segments.filter((s) => s.name === "UNB");
  const unz = segments.at(-1);
  expect(unz?.name).toBe("UNZ");
  expect(unz?.elements[0]?.[0]).toBe(String(names.filter((name) => name === "UNH").length));
  expect(unz?.elements[1]?.[0]).toBe(unb?.elements[4]?.[0]);
  const message = segments.slice(names.indexOf("UNH"), names.indexOf("UNT") + 1);
  const [unh] = message;
  const unt = message.at(-1);
  expect(unt?.elements[0]?.[0]).toBe(String(message.length));
  expect(unt?.elements[1]?.[0]).toBe(unh?.elements[0]?.[0]);
  return { unb, unh, message, reference: Number(unb?.elements[4]?.[0]) };
}

const all = (message: Segment[], name: string, qualifier?: string) =>
  message.filter(
    (segment) =>
      segment.name === name && (qualifier === undefined || segment.elements[0]?.[0] === qualifier),
  );
const amount = (segment: Segment | undefined) => centsOf(segment?.elements[0]?.[1] ?? "");

describe("EDI connector, UN/EDIFACT D.96A", () => {
  it("writes a DESADV of what shipped and INVOICs of the invoice, credit and debit notes, from the partner's counter", async () => {
    bed = await startEdiBed((dirs) => ({ cus_1: edifactPartner("EURO", dirs("EURO")) }));
    const ord = order("ord_e", "web", "PO-EU-1");
    const invoice = { id: "inv_e", number: "INV-E-1" };
    await bed.consume(confirmShipment(bed.billing, "shp_e", ord, [2, 1]));
    await bed.consume(issueInvoice(bed.billing, invoice.id, invoice.number, ord, [2, 1]));
    await bed.consume(creditMugs(bed.billing, "cn_e", "CN-E-1", invoice, ord, 1));
    await bed.consume(adjustLiftgate(bed.billing, "an_e", "AN-E-1", invoice, ord));
    const files = await Promise.all(
      ["shp_e", "inv_e", "cn_e", "an_e"].map(async (id) => (await settled(id)).externalId ?? ""),
    );
    expect(files).toEqual([1, 2, 3, 4].map((n) => `EURO-${String(n).padStart(9, "0")}.edi`));
    const [desadv, inv, credit, debit] = await Promise.all(
      files.map(async (file) => messageOf(await bed.read("EURO", file))),
    );

    expect(desadv?.reference).toBe(1);
    expect(desadv?.unh?.elements[1]).toEqual(["DESADV", "D", "96A", "UN"]);
    expect(desadv?.unb?.elements[1]).toEqual(["WAYBILL", "ZZZ"]);
    expect(desadv?.unb?.elements[2]).toEqual(["EURO"]);
    const lines = all(desadv?.message ?? [], "LIN");
    // The pen has no EAN or UPC: its LIN names only the position, its PIA the buyer's number.
    expect(lines.map((lin) => lin.elements[2] ?? null)).toEqual([["4006381333931", "EN"], null]);
    expect(all(desadv?.message ?? [], "PIA").map((pia) => pia.elements[1])).toEqual([
      ["EU-MUG", "IN"],
      ["EU-PEN", "IN"],
    ]);
    expect(all(desadv?.message ?? [], "QTY", "12").map((q) => q.elements[0]?.[1])).toEqual([
      "2",
      "1",
    ]);
    expect(all(desadv?.message ?? [], "RFF", "ON").map((r) => r.elements[0]?.[1])).toEqual([
      "PO-EU-1",
    ]);
    expect(all(desadv?.message ?? [], "CNT")[0]?.elements[0]).toEqual(["2", "2"]);

    const message = inv?.message ?? [];
    expect(all(message, "BGM")[0]?.elements[0]).toEqual(["380"]);
    const quantities = all(message, "QTY", "47").map((q) => BigInt(q.elements[0]?.[1] ?? ""));
    const prices = all(message, "PRI", "AAA").map((p) => centsOf(p.elements[0]?.[1] ?? ""));
    const lineAmounts = all(message, "MOA", "203").map(amount);
    expect(lineAmounts).toEqual(quantities.map((q, i) => q * (prices[i] ?? 0n)));
    const items = lineAmounts.reduce((sum, value) => sum + value, 0n);
    expect(amount(all(message, "MOA", "79")[0])).toBe(items);
    const charges = all(message, "MOA", "8").map(amount);
    expect(charges).toEqual([495n]);
    expect(amount(all(message, "MOA", "86")[0])).toBe(items + 495n);
    expect(items).toBe(2699n);
    expect(all(message, "CNT")[0]?.elements[0]).toEqual(["2", String(quantities.length)]);

    expect(all(credit?.message ?? [], "BGM")[0]?.elements[0]).toEqual(["381"]);
    expect(all(credit?.message ?? [], "RFF", "IV")[0]?.elements[0]).toEqual(["IV", "INV-E-1"]);
    expect(amount(all(credit?.message ?? [], "MOA", "86")[0])).toBe(1250n);
    expect(all(debit?.message ?? [], "BGM")[0]?.elements[0]).toEqual(["383"]);
    expect(all(debit?.message ?? [], "ALC")[0]?.elements[4]).toEqual(["D980"]);
    expect(amount(all(debit?.message ?? [], "MOA", "86")[0])).toBe(3500n);
  });
});
