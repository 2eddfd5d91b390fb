import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import type { InterchangeRecord } from "../src/store/records.ts";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import {
  adjustLiftgate,
  confirmShipment,
  creditMugs,
  issueInvoice,
  order,
  type TestBilling,
} from "./fixtures/connectors.ts";
import {
  centsOf,
  type EdiBed,
  el,
  envelopeOf,
  functionalAck,
  type ParsedSegment,
  parseX12,
  startEdiBed,
  x12Partner,
} from "./fixtures/edi.ts";

// Partners are directories on disk (the file hand-off of ASC X12 004010 interchanges); what
// comes out is read back with x12-parser, not with node-x12 that wrote it.

let bed: EdiBed;

afterEach(async () => {
  await bed.close();
});

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("edi", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const interchangesOf = (partner: string) =>
  bed.store.store
    .collection<InterchangeRecord>("ediInterchanges")
    .find({ partner }, { sort: { controlNumber: 1 } });

/** The set of a delivered document, read back and checked against its envelope. */
async function setOf(partner: string, delivery: ConnectorDeliveryRecord) {
  const envelope = envelopeOf(await parseX12(await bed.read(partner, delivery.externalId ?? "")));
  return envelope;
}

const named = (set: ParsedSegment[], name: string) => set.filter((s) => s.name === name);

/** Moves a test document to another customer, as billing would have issued it. */
function toCustomer(billing: TestBilling, id: string, customerId: string) {
  const invoice = billing.invoices.get(id) ?? billing.creditNotes.get(id);
  if (invoice) invoice["customerId"] = customerId;
  const shipment = billing.shipments.get(id);
  if (shipment) (shipment["order"] as Record<string, unknown>)["customer"] = { id: customerId };
}

describe("EDI connector, ASC X12 004010", () => {
  it("writes a partial shipment's 856 and its invoice's 810 with only what shipped, totals that add up", async () => {
    bed = await startEdiBed((dirs) => ({ cus_1: x12Partner("ACME", dirs("ACME")) }));
    const ord = order("ord_1", "web", "PO-7781");
    // Three mugs and five pens ordered; two mugs shipped.
    await bed.consume(confirmShipment(bed.billing, "shp_1", ord, [2, 0]));
    await bed.consume(issueInvoice(bed.billing, "inv_1", "INV-2026-000001", ord, [2, 0]));
    const despatch = await settled("shp_1");
    const invoice = await settled("inv_1");
    expect(despatch.externalId).toBe("ACME-000000001.x12");
    expect(invoice.externalId).toBe("ACME-000000002.x12");

    const asn = await setOf("ACME", despatch);
    expect(asn.controlNumber).toBe(1);
    expect(el(asn.isa, 8)).toBe("ACME");
    expect(el(asn.gs, 1)).toBe("SH");
    expect(el(asn.gs, 8)).toBe("004010");
    expect(el(asn.set[0], 1)).toBe("856");
    const hls = named(asn.set, "HL");
    expect(hls.map((hl) => el(hl, 3))).toEqual(["S", "O", "I"]);
    expect(el(named(asn.set, "CTT")[0], 1)).toBe(String(hls.length));
    expect(el(named(asn.set, "PRF")[0], 1)).toBe("PO-7781");
    expect(el(named(asn.set, "REF")[0], 2)).toBe("1ZSHP_1");
    expect(named(asn.set, "LIN").map((lin) => [el(lin, 3), el(lin, 5)])).toEqual([
      ["ACME-MUG", "012345678905"],
    ]);
    expect(named(asn.set, "SN1").map((sn1) => Number(el(sn1, 2)))).toEqual([2]);

    const bill = await setOf("ACME", invoice);
    expect(bill.controlNumber).toBe(2);
    expect(el(bill.gs, 1)).toBe("IN");
    expect(el(named(bill.set, "BIG")[0], 2)).toBe("INV-2026-000001");
    const lines = named(bill.set, "IT1");
    expect(lines.map((it1) => [el(it1, 2), el(it1, 4), el(it1, 7)])).toEqual([
      ["2", "12.50", "ACME-MUG"],
    ]);
    const extended = lines.reduce((sum, it1) => sum + BigInt(el(it1, 2)) * centsOf(el(it1, 4)), 0n);
    const charges = named(bill.set, "SAC").reduce((sum, sac) => sum + BigInt(el(sac, 5)), 0n);
    expect(named(bill.set, "SAC").map((sac) => [el(sac, 2), el(sac, 5)])).toEqual([
      ["G830", "495"],
    ]);
    expect(BigInt(el(named(bill.set, "TDS")[0], 1))).toBe(extended + charges);
    expect(extended + charges).toBe(2995n);
    expect(el(named(bill.set, "CTT")[0], 1)).toBe(String(lines.length));
    expect(await bed.outbound("ACME")).toEqual(["ACME-000000001.x12", "ACME-000000002.x12"]);
  });

  it("sends a credit note as an 812 credit and an adjustment note as an 812 debit against the invoice", async () => {
    bed = await startEdiBed((dirs) => ({ cus_1: x12Partner("ACME", dirs("ACME")) }));
    const ord = order("ord_2");
    const invoice = { id: "inv_2", number: "INV-2026-000002" };
    await bed.consume(issueInvoice(bed.billing, invoice.id, invoice.number, ord, [3, 2]));
    await bed.consume(creditMugs(bed.billing, "cn_1", "CN-2026-000001", invoice, ord, 1));
    await bed.consume(adjustLiftgate(bed.billing, "an_1", "AN-2026-000001", invoice, ord));
    const credit = await setOf("ACME", await settled("cn_1"));
    const debit = await setOf("ACME", await settled("an_1"));

    expect(el(credit.gs, 1)).toBe("CD");
    const bcd = named(credit.set, "BCD")[0];
    expect([el(bcd, 2), el(bcd, 4), el(bcd, 5), el(bcd, 7)]).toEqual([
      "CN-2026-000001",
      "1250",
      "C",
      "INV-2026-000002",
    ]);
    const cdds = named(credit.set, "CDD");
    expect(cdds.map((cdd) => [el(cdd, 1), el(cdd, 2), el(cdd, 4), el(cdd, 7)])).toEqual([
      ["RM", "C", "1250", "1"],
    ]);
    expect(named(credit.set, "LIN").map((lin) => el(lin, 3))).toEqual(["ACME-MUG"]);

    const dbcd = named(debit.set, "BCD")[0];
    expect([el(dbcd, 2), el(dbcd, 4), el(dbcd, 5), el(dbcd, 7)]).toEqual([
      "AN-2026-000001",
      "3500",
      "D",
      "INV-2026-000002",
    ]);
    expect(named(debit.set, "CDD").map((cdd) => [el(cdd, 1), el(cdd, 2), el(cdd, 4)])).toEqual([
      ["01", "D", "3500"],
    ]);
    expect(named(debit.set, "SAC").map((sac) => el(sac, 2))).toEqual(["D980"]);
    expect([credit.controlNumber, debit.controlNumber]).toEqual([2, 3]);
  });

  it("numbers each partner's interchanges gaplessly, partners interleaved, a parked document taking none", async () => {
    bed = await startEdiBed((dirs) => ({
      cus_1: {
        ...x12Partner("ACME", dirs("ACME")),
        items: { "SKU-MUG": [{ qualifier: "BP", id: "ACME-MUG" }] },
      },
      cus_2: x12Partner("BETA", dirs("BETA")),
    }));
    // ACME has no identifier for pens: this one, first of all, is parked and must take no number.
    await bed.consume(issueInvoice(bed.billing, "inv_pens", "INV-P-1", order("ord_p"), [0, 5]));
    const documents: [string, string][] = [];
    for (let i = 1; i <= 6; i += 1) {
      const customer = i % 2 === 0 ? "cus_2" : "cus_1";
      const id = `inv_g${i}`;
      await bed.consume(issueInvoice(bed.billing, id, `INV-G-${i}`, order(`ord_g${i}`), [1, 0]));
      toCustomer(bed.billing, id, customer);
      documents.push([id, customer]);
      await bed.consume(confirmShipment(bed.billing, `shp_g${i}`, order(`ord_s${i}`), [1, 0]));
      toCustomer(bed.billing, `shp_g${i}`, customer);
      documents.push([`shp_g${i}`, customer]);
    }
    for (const [id] of documents) await settled(id);
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("edi", "inv_pens");
        return record?.parked && record;
      },
      { description: "inv_pens parked" },
    );
    expect(parked.lastError).toBe("unmapped: item SKU-PEN");

    for (const partner of ["ACME", "BETA"]) {
      const files = await bed.outbound(partner);
      expect(files).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => `${partner}-${String(n).padStart(9, "0")}.x12`),
      );
      const numbers: number[] = [];
      for (const file of files)
        numbers.push(envelopeOf(await parseX12(await bed.read(partner, file))).controlNumber);
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    }
    const deliveries = await Promise.all(
      documents.map(([id]) => bed.connectors.repo.deliveryOf("edi", id)),
    );
    expect(new Set(deliveries.map((delivery) => delivery?.externalId)).size).toBe(12);

    await bed.writeEdiMapping({
      partners: {
        cus_1: x12Partner("ACME", bed.dirs("ACME")),
        cus_2: x12Partner("BETA", bed.dirs("BETA")),
      },
    });
    const [exception] = await bed.exceptions.list({ status: "open" });
    await bed.exceptions.retry(exception?._id ?? "");
    expect((await settled("inv_pens")).externalId).toBe("ACME-000000007.x12");
  });

  it("keeps a delivery's control number across a failed write: the retry writes the same interchange", async () => {
    bed = await startEdiBed((dirs) => ({ cus_1: x12Partner("ACME", dirs("ACME")) }), {
      createDirs: false,
      env: { CONNECTOR_RETRY_SCHEDULE: "0,0.4,0.4,0.4,0.4,0.4,0.4" },
    });
    await bed.consume(issueInvoice(bed.billing, "inv_r1", "INV-R-1", order("ord_r1"), [2, 1]));
    const failed = await settled("inv_r1", "failed");
    expect(failed.lastError).toContain("cannot write ACME-000000001.x12");
    const [prepared] = await interchangesOf("ACME");
    expect(prepared).toMatchObject({ controlNumber: 1, writtenAt: null });

    await mkdir(bed.dirs("ACME").outbound, { recursive: true });
    const delivered = await settled("inv_r1");
    expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    expect(delivered.externalId).toBe("ACME-000000001.x12");
    const sent = envelopeOf(await parseX12(await bed.read("ACME", "ACME-000000001.x12")));
    expect(sent.controlNumber).toBe(1);
    // The envelope's date and time are the ones fixed when the number was taken.
    const at = prepared?.preparedAt.toISOString() ?? "";
    expect(`${el(sent.gs, 4)}${el(sent.gs, 5)}`).toBe(at.slice(0, 16).replace(/[-T:]/g, ""));
    expect(await bed.outbound("ACME")).toEqual(["ACME-000000001.x12"]);

    await bed.consume(issueInvoice(bed.billing, "inv_r2", "INV-R-2", order("ord_r2"), [1, 0]));
    expect((await settled("inv_r2")).externalId).toBe("ACME-000000002.x12");
    expect((await interchangesOf("ACME")).map((record) => record.controlNumber)).toEqual([1, 2]);
  });

  it("skips the documents of a customer with no trading partner", async () => {
    bed = await startEdiBed((dirs) => ({ cus_9: x12Partner("ACME", dirs("ACME")) }));
    const ord = order("ord_k");
    const invoice = { id: "inv_k", number: "INV-K-1" };
    await bed.consume(issueInvoice(bed.billing, invoice.id, invoice.number, ord, [1, 0]));
    await bed.consume(creditMugs(bed.billing, "cn_k", "CN-K-1", invoice, ord, 1));
    expect((await settled("inv_k", "skipped")).lastError).toBe(
      "customer cus_1 has no EDI trading partner",
    );
    // The note follows its skipped invoice, and the connector skips it for the same reason.
    expect((await settled("cn_k", "skipped")).lastError).toBe(
      "customer cus_1 has no EDI trading partner",
    );
    expect(await bed.outbound("ACME")).toEqual([]);
  });

  it("marks an interchange acknowledged by an accepting 997, and parks its delivery on a rejecting one", async () => {
    bed = await startEdiBed((dirs) => ({ cus_1: x12Partner("ACME", dirs("ACME")) }));
    await bed.consume(issueInvoice(bed.billing, "inv_a", "INV-A-1", order("ord_a"), [1, 0]));
    await bed.consume(issueInvoice(bed.billing, "inv_b", "INV-B-1", order("ord_b"), [1, 0]));
    const first = await settled("inv_a");
    const second = await settled("inv_b");
    const number = (delivery: ConnectorDeliveryRecord) =>
      Number(/-(\d+)\.x12$/.exec(delivery.externalId ?? "")?.[1]);
    const inbound = bed.dirs("ACME").inbound;

    await writeFile(join(inbound, "997-a.x12"), functionalAck("ACME", number(first), "A"));
    const accepted = await waitFor(
      async () => {
        const [record] = (await interchangesOf("ACME")).filter((r) => r.deliveryId === "edi:inv_a");
        return record?.acknowledgement === "accepted" && record;
      },
      { description: "inv_a acknowledged" },
    );
    expect(accepted.acknowledgedAt).toBeInstanceOf(Date);
    expect(await readdir(join(inbound, "processed"))).toEqual(["997-a.x12"]);
    expect((await bed.connectors.repo.deliveryOf("edi", "inv_a"))?.state).toBe("delivered");

    await writeFile(join(inbound, "997-b.x12"), functionalAck("ACME", number(second), "R"));
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("edi", "inv_b");
        return record?.parked && record;
      },
      { description: "inv_b parked" },
    );
    expect(parked.state).toBe("failed");
    expect(parked.lastError).toContain(`997 rejected group ${number(second)}`);
    expect(parked.lastError).toContain("AK5*R*5");
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception?.error).toContain("INV-B-1");

    // A retry sends the document again as a new interchange: the partner saw the old number.
    await bed.exceptions.retry(exception?._id ?? "");
    const resent = await settled("inv_b");
    expect(resent.externalId).toBe("ACME-000000003.x12");
    const records = (await interchangesOf("ACME")).filter((r) => r.deliveryId === "edi:inv_b");
    expect(records.map((r) => [r.controlNumber, r.acknowledgement])).toEqual([
      [2, "rejected"],
      [3, "pending"],
    ]);
  });
});
