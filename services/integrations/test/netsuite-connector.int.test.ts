import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import { adjustLiftgate, creditMugs, issueInvoice, order } from "./fixtures/connectors.ts";
import { NETSUITE_MAPPING, type NetsuiteBed, startNetsuiteBed } from "./fixtures/netsuite.ts";

// The NetSuite account is test/support/netsuite-server.ts, which follows the NetSuite help pages
// on REST web services, transforms, external ids, errors and the client-credentials flow (named
// in its header).

let bed: NetsuiteBed;

afterEach(async () => {
  await bed.close();
});

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("netsuite", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const parked = (documentId: string) =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("netsuite", documentId);
      return record?.parked && record;
    },
    { description: `${documentId} parked` },
  );

const records = (type: string) => bed.ns.records.get(type) ?? [];
const byExternalId = (type: string, externalId: string) =>
  records(type).filter((record) => record.externalId === externalId);
const lines = (record: { lines: Record<string, unknown>[] } | undefined) =>
  (record?.lines ?? []).map((line) => ({
    item: (line["item"] as { id: string }).id,
    quantity: line["quantity"],
    rate: line["rate"],
    orderLine: line["orderLine"],
  }));
const writes = () =>
  bed.ns.requests.filter(
    (r) =>
      (r.method === "POST" || r.method === "PUT") && r.path.startsWith("/services/rest/record"),
  );

/** A NetSuite sales order for three mugs and five pens, as the order from the channel refers to. */
const salesOrder = () =>
  bed.ns.addSalesOrder("1042", [
    { line: 1, item: "501", quantity: 3 },
    { line: 2, item: "502", quantity: 5 },
  ]);

describe("NetSuite connector against a test NetSuite account", () => {
  it("transforms the sales order of a NetSuite order into invoices of only what shipped, once each", async () => {
    bed = await startNetsuiteBed();
    const soId = salesOrder();
    const ord = order("ord_1", "netsuite", soId);
    // Two of three mugs shipped first.
    const event = issueInvoice(bed.billing, "inv_1", "INV-2026-000001", ord, [2, 0]);
    expect(await bed.consume(event)).toBe("handled");
    expect(await bed.consume(event)).toBe("duplicate");
    const first = await settled("inv_1");
    expect(records("invoice")).toHaveLength(1);
    const [invoice] = records("invoice");
    expect(first.externalId).toBe(invoice?.id);
    expect(invoice).toMatchObject({
      externalId: "INV-2026-000001",
      createdFrom: { id: soId },
      entity: { id: "1042" },
      tranDate: "2026-12-03",
    });
    expect(lines(invoice)).toEqual([
      { item: "501", quantity: 2, rate: undefined, orderLine: 1 },
      { item: "590", quantity: 1, rate: "4.95", orderLine: undefined },
    ]);
    // The order was read with its lines, and the pens were held back by quantity 0.
    expect(bed.ns.requests).toContainEqual(
      expect.objectContaining({
        method: "GET",
        path: `/services/rest/record/v1/salesOrder/${soId}`,
      }),
    );
    const transform = writes()[0];
    expect(transform?.path).toBe(`/services/rest/record/v1/salesOrder/${soId}/!transform/invoice`);
    expect((transform?.body as { item: { items: unknown[] } }).item.items.slice(0, 2)).toEqual([
      { orderLine: 1, quantity: 2 },
      { orderLine: 2, quantity: 0 },
    ]);

    // The rest shipped later: the last mug and the pens, from the same order.
    await bed.consume(issueInvoice(bed.billing, "inv_1b", "INV-2026-000002", ord, [1, 5]));
    const second = await settled("inv_1b");
    expect(records("invoice")).toHaveLength(2);
    expect(lines(records("invoice").find((record) => record.id === second.externalId))).toEqual([
      { item: "501", quantity: 1, rate: undefined, orderLine: 1 },
      { item: "502", quantity: 5, rate: undefined, orderLine: 2 },
      { item: "590", quantity: 1, rate: "4.95", orderLine: undefined },
    ]);
  });

  it("upserts a standalone invoice by external id for an order born elsewhere", async () => {
    bed = await startNetsuiteBed();
    await bed.consume(
      issueInvoice(bed.billing, "inv_2", "INV-2026-000003", order("ord_2"), [1, 2]),
    );
    const delivery = await settled("inv_2");
    expect(writes().map((r) => [r.method, r.path])).toEqual([
      ["PUT", "/services/rest/record/v1/invoice/eid:INV-2026-000003"],
    ]);
    const [invoice] = records("invoice");
    expect(delivery.externalId).toBe(invoice?.id);
    expect(invoice?.createdFrom).toBeUndefined();
    expect(invoice).toMatchObject({
      externalId: "INV-2026-000003",
      entity: { id: "1042" },
      subsidiary: { id: "1" },
      currency: { id: "2" },
      tranDate: "2026-12-03",
    });
    expect(
      invoice?.lines.map((line) => [
        line.item.id,
        line.quantity,
        line["rate"],
        (line["taxCode"] as { id: string }).id,
      ]),
    ).toEqual([
      ["501", 1, "12.50", "7"],
      ["502", 2, "1.99", "7"],
      ["590", 1, "4.95", "7"],
    ]);
  });

  it("transforms the right invoice into a credit memo of only the returned lines", async () => {
    bed = await startNetsuiteBed();
    const ord = order("ord_3");
    await bed.consume(issueInvoice(bed.billing, "inv_3a", "INV-2026-000004", ord, [1, 0]));
    await bed.consume(issueInvoice(bed.billing, "inv_3b", "INV-2026-000005", ord, [2, 5]));
    await bed.consume(
      creditMugs(
        bed.billing,
        "cn_1",
        "CN-2026-000001",
        { id: "inv_3b", number: "INV-2026-000005" },
        ord,
        2,
      ),
    );
    const delivery = await settled("cn_1");
    const original = (await settled("inv_3b")).externalId;
    expect(original).toBe(byExternalId("invoice", "INV-2026-000005")[0]?.id);
    expect(records("creditMemo")).toHaveLength(1);
    const [memo] = records("creditMemo");
    expect(delivery.externalId).toBe(memo?.id);
    expect(memo).toMatchObject({
      externalId: "CN-2026-000001",
      createdFrom: { id: original },
      entity: { id: "1042" },
    });
    expect(lines(memo)).toEqual([{ item: "501", quantity: 2, rate: "12.50", orderLine: 1 }]);
    expect(writes().at(-1)?.path).toBe(
      `/services/rest/record/v1/invoice/${original ?? ""}/!transform/creditMemo`,
    );
  });

  it("bills an adjustment note as a standalone invoice to the customer of its invoice", async () => {
    bed = await startNetsuiteBed();
    const ord = order("ord_4");
    await bed.consume(issueInvoice(bed.billing, "inv_4", "INV-2026-000006", ord, [1, 1]));
    await bed.consume(
      adjustLiftgate(
        bed.billing,
        "an_1",
        "AN-2026-000001",
        { id: "inv_4", number: "INV-2026-000006" },
        ord,
      ),
    );
    const delivery = await settled("an_1");
    const original = (await settled("inv_4")).externalId;
    const note = records("invoice").find((record) => record.id === delivery.externalId);
    expect(note).toMatchObject({
      externalId: "AN-2026-000001",
      entity: { id: "1042" },
      subsidiary: { id: "1" },
      currency: { id: "2" },
    });
    expect(String(note?.["memo"])).toContain("INV-2026-000006");
    expect(String(note?.["memo"])).toContain(`NetSuite ${original ?? ""}`);
    expect(note?.lines.map((line) => [line.item.id, line.quantity, line["rate"]])).toEqual([
      ["591", 1, "35.00"],
    ]);
  });

  for (const fault of ["5xx", "timeout"] as const)
    for (const born of ["netsuite", "web"] as const)
      it(`ends with exactly one invoice when NetSuite created it (${born} order) but answered ${fault}`, async () => {
        bed = await startNetsuiteBed();
        const ord = born === "netsuite" ? order("ord_5", "netsuite", salesOrder()) : order("ord_5");
        bed.ns.failAfterCreate(fault);
        await bed.consume(issueInvoice(bed.billing, "inv_5", "INV-2026-000007", ord, [3, 0]));
        const delivery = await settled("inv_5");
        expect(byExternalId("invoice", "INV-2026-000007")).toHaveLength(1);
        expect(records("invoice")).toHaveLength(1);
        expect(delivery.externalId).toBe(records("invoice")[0]?.id);
        expect(delivery.attempts).toBe(2);
        // The second attempt found it by external id and wrote nothing (the first attempt's
        // write, answered too late, is not answered yet after a timeout).
        expect(writes()).toHaveLength(fault === "5xx" ? 1 : 0);
      });

  it("waits out a 429's Retry-After before sending again", async () => {
    bed = await startNetsuiteBed();
    bed.ns.rateLimitOnce(1);
    await bed.consume(
      issueInvoice(bed.billing, "inv_6", "INV-2026-000008", order("ord_6"), [1, 0]),
    );
    await settled("inv_6");
    const calls = bed.ns.requests.filter((r) => r.path.startsWith("/services/rest/record"));
    expect(calls[0]?.status).toBe(429);
    expect(records("invoice")).toHaveLength(1);
    const delivery = await bed.connectors.repo.deliveryOf("netsuite", "inv_6");
    // The attempt after the 429 was not made before the second it asked for.
    expect(
      (delivery?.deliveredAt?.getTime() ?? 0) - (delivery?.createdAt.getTime() ?? 0),
    ).toBeGreaterThanOrEqual(1_000);
  });

  it("asks for a new token when NetSuite refuses an expired one, without losing the delivery", async () => {
    bed = await startNetsuiteBed();
    await bed.consume(
      issueInvoice(bed.billing, "inv_7a", "INV-2026-000009", order("ord_7"), [1, 0]),
    );
    await settled("inv_7a");
    expect(bed.ns.tokensIssued).toBe(1);
    bed.ns.expireTokens();
    const before = bed.ns.requests.length;
    await bed.consume(
      issueInvoice(bed.billing, "inv_7b", "INV-2026-000010", order("ord_7b"), [1, 0]),
    );
    const delivery = await settled("inv_7b");
    const after = bed.ns.requests.slice(before);
    expect(after[0]?.status).toBe(401);
    expect(after[1]).toMatchObject({
      method: "POST",
      path: "/services/rest/auth/oauth2/v1/token",
      status: 200,
    });
    expect(after.filter((r) => r.status === 401)).toHaveLength(1);
    expect(bed.ns.tokensIssued).toBe(2);
    expect(delivery.attempts).toBe(1);
    expect(records("invoice")).toHaveLength(2);
  });

  it("asks for a new token before the one in hand expires, so NetSuite never refuses it", async () => {
    // Tokens valid for 30 s: within the renewal margin from the start, so each use asks anew.
    bed = await startNetsuiteBed({}, { tokenSeconds: 30 });
    await bed.consume(
      issueInvoice(bed.billing, "inv_11", "INV-2026-000014", order("ord_11"), [1, 0]),
    );
    await settled("inv_11");
    const issued = bed.ns.tokensIssued;
    expect(issued).toBeGreaterThanOrEqual(1);
    await bed.consume(
      issueInvoice(bed.billing, "inv_12", "INV-2026-000015", order("ord_12"), [1, 0]),
    );
    await settled("inv_12");
    expect(bed.ns.tokensIssued).toBeGreaterThan(issued);
    expect(bed.ns.requests.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it("does not deliver with an assertion NetSuite cannot verify (wrong certificate id)", async () => {
    bed = await startNetsuiteBed({ NETSUITE_CERTIFICATE_ID: "not-the-mapped-certificate" });
    await bed.consume(
      issueInvoice(bed.billing, "inv_10", "INV-2026-000013", order("ord_10"), [1, 0]),
    );
    const failed = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("netsuite", "inv_10");
        return record?.lastError?.includes("invalid_client") && record;
      },
      { description: "inv_10 refused a token" },
    );
    expect(failed.state).not.toBe("delivered");
    expect(bed.ns.tokensIssued).toBe(0);
    expect(records("invoice")).toHaveLength(0);
  });

  it("parks an unmapped item as a master-data exception, and delivers on its retry once the mapping is fixed", async () => {
    bed = await startNetsuiteBed();
    await bed.writeMapping({ ...NETSUITE_MAPPING, items: { "SKU-MUG": "501" } });
    await bed.consume(
      issueInvoice(bed.billing, "inv_8", "INV-2026-000011", order("ord_8"), [1, 2]),
    );
    const record = await parked("inv_8");
    expect(record.state).toBe("failed");
    expect(record.lastError).toContain("item SKU-PEN");
    expect(records("invoice")).toHaveLength(0);
    expect(writes()).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({
      owner: "master_data",
      category: "missing_reference",
      status: "open",
    });
    expect(exception?.error).toContain("SKU-PEN");

    await bed.writeMapping(NETSUITE_MAPPING);
    const retried = await bed.exceptions.retry(exception?._id ?? "");
    expect(retried).toMatchObject({ kind: "retried", record: { resolution: "applied on retry" } });
    const delivery = await settled("inv_8");
    expect(records("invoice")).toHaveLength(1);
    expect(
      lines(records("invoice").find((doc) => doc.id === delivery.externalId)).map(
        (line) => line.item,
      ),
    ).toEqual(["501", "502", "590"]);
  });

  it("parks a document NetSuite refuses for a reference that does not exist, naming it", async () => {
    bed = await startNetsuiteBed();
    await bed.writeMapping({ ...NETSUITE_MAPPING, items: { "SKU-MUG": "501", "SKU-PEN": "599" } });
    await bed.consume(
      issueInvoice(bed.billing, "inv_9", "INV-2026-000012", order("ord_9"), [1, 2]),
    );
    const record = await parked("inv_9");
    expect(record.lastError).toContain("INVALID_KEY_OR_REF");
    expect(record.lastError).toContain("599");
    expect(records("invoice")).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({ owner: "master_data", category: "missing_reference" });
  });
});
