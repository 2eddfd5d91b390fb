import { metricValue, testPrincipal, waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import {
  healthOf,
  listConnectors,
  replayDeliveries,
  replayDelivery,
  retryDelivery,
} from "../src/connectors/admin.ts";
import {
  type ConnectorBed,
  issueInvoice,
  order,
  startConnectorBed,
} from "./fixtures/connectors.ts";

let bed: ConnectorBed;

afterEach(async () => {
  await bed.close();
});

const finance = testPrincipal("finance");

describe("connectors as finance sees them", () => {
  it("shows health and backlog, lets finance retry a parked document, and counts deliveries", async () => {
    bed = await startConnectorBed();
    // ERPNext does not know the customer yet: it refuses the link, which is master data's.
    bed.erp.customers.delete("CUST-ACME");
    await bed.consume(
      issueInvoice(bed.billing, "inv_1", "INV-2026-000001", order("ord_1"), [1, 0]),
    );
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("erpnext", "inv_1");
        return record?.parked && record;
      },
      { description: "inv_1 parked" },
    );
    expect(parked.lastError).toContain("LinkValidationError");
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({ owner: "master_data", category: "missing_reference" });

    const [run] = listConnectors(bed.connectors, finance);
    expect(run?.connector.name).toBe("erpnext");
    expect(healthOf(run!, Date.now())).toBe("UP");
    expect(await bed.connectors.repo.backlog("erpnext")).toBe(1);
    expect(() => listConnectors(bed.connectors, testPrincipal("agent"))).toThrow("not permitted");
    await expect(
      retryDelivery(bed.connectors, testPrincipal("partner", { accounts: ["cus_1"] }), parked._id),
    ).rejects.toThrow("not permitted");
    await expect(retryDelivery(bed.connectors, finance, "erpnext:inv_missing")).rejects.toThrow(
      "no connector delivery",
    );

    bed.erp.customers.add("CUST-ACME");
    await retryDelivery(bed.connectors, finance, parked._id);
    const delivered = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("erpnext", "inv_1");
        return record?.state === "delivered" && record;
      },
      { description: "inv_1 delivered" },
    );
    expect(bed.erp.invoices).toHaveLength(1);
    expect(delivered.externalId).toBe(bed.erp.invoices[0]?.name);
    expect(await bed.connectors.repo.backlog("erpnext")).toBe(0);
    // The exception closes with the delivery.
    expect(await bed.exceptions.get(exception?._id ?? "")).toMatchObject({
      status: "resolved",
      resolution: "delivered",
    });
    const samples = await bed.metrics();
    expect(
      metricValue(samples, "waybill_connector_delivered_total", { connector: "erpnext" }),
    ).toBe(1);
    expect(
      metricValue(samples, "waybill_connector_failed_total", {
        connector: "erpnext",
        kind: "parked",
      }),
    ).toBe(1);
  });

  it("pauses a connector whose system is down, and resumes in order once it answers", async () => {
    bed = await startConnectorBed({
      CONNECTOR_BREAKER_FAILURES: "2",
      CONNECTOR_BREAKER_SECONDS: "0.3",
    });
    bed.erp.down = true;
    const ids = ["inv_a", "inv_b", "inv_c"];
    for (const [n, id] of ids.entries())
      await bed.consume(
        issueInvoice(bed.billing, id, `INV-2026-00000${n + 1}`, order(`ord_${id}`), [1, 0]),
      );
    const [run] = bed.connectors.runs;
    await waitFor(() => healthOf(run!, Date.now()) === "DOWN", { description: "breaker open" });
    bed.erp.down = false;
    await waitFor(
      async () => {
        const records = await Promise.all(
          ids.map((id) => bed.connectors.repo.deliveryOf("erpnext", id)),
        );
        return records.every((record) => record?.state === "delivered");
      },
      { description: "all delivered" },
    );
    // The probe after the pause is the oldest document; the rest follow it.
    expect(bed.erp.invoices.map((doc) => doc["waybill_reference"])[0]).toBe("INV-2026-000001");
    expect(bed.erp.invoices).toHaveLength(3);
    expect(healthOf(run!, Date.now())).toBe("UP");
  });

  it("replays one document or all since a time: found again where it still is, made again where it was lost", async () => {
    bed = await startConnectorBed();
    const delivered = (id: string) =>
      waitFor(
        async () => {
          const record = await bed.connectors.repo.deliveryOf("erpnext", id);
          return record?.state === "delivered" && record;
        },
        { description: `${id} delivered` },
      );
    await bed.consume(
      issueInvoice(bed.billing, "inv_old", "INV-2026-000001", order("ord_old"), [1, 0]),
    );
    await delivered("inv_old");
    const since = new Date();
    await bed.consume(
      issueInvoice(bed.billing, "inv_a", "INV-2026-000002", order("ord_a"), [1, 0]),
    );
    await bed.consume(
      issueInvoice(bed.billing, "inv_b", "INV-2026-000003", order("ord_b"), [2, 1]),
    );
    const first = await delivered("inv_a");
    await delivered("inv_b");
    expect(bed.erp.invoices).toHaveLength(3);

    // One document replayed while ERPNext still has it: looked up, not doubled.
    const replayed = await replayDelivery(bed.connectors, finance, first._id);
    expect(replayed.state).toBe("pending");
    const again = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("erpnext", "inv_a");
        return record?.state === "delivered" && record.attempts === 2 && record;
      },
      { description: "inv_a delivered a second time" },
    );
    expect(again.externalId).toBe(first.externalId);
    expect(bed.erp.invoices).toHaveLength(3);

    // ERPNext lost everything after a restore: a replay since the time makes those documents again.
    bed.erp.invoices.splice(1);
    expect(await replayDeliveries(bed.connectors, finance, "erpnext", since)).toBe(2);
    await waitFor(
      () =>
        ["INV-2026-000002", "INV-2026-000003"].every(
          (reference) =>
            bed.erp.invoices.filter((doc) => doc["waybill_reference"] === reference).length === 1,
        ),
      { description: "both made again" },
    );
    await delivered("inv_a");
    await delivered("inv_b");
    expect(bed.erp.invoices).toHaveLength(3);
    // The document from before the time was not touched.
    expect((await bed.connectors.repo.deliveryOf("erpnext", "inv_old"))?.attempts).toBe(1);

    await expect(
      replayDeliveries(bed.connectors, testPrincipal("agent"), "erpnext", since),
    ).rejects.toThrow("not permitted");
    await expect(replayDeliveries(bed.connectors, finance, "netsuite", since)).rejects.toThrow(
      "not switched on",
    );
    await expect(
      replayDeliveries(bed.connectors, finance, "erpnext", new Date(Date.now() + 60_000)),
    ).rejects.toThrow("future");
    await expect(replayDelivery(bed.connectors, finance, "erpnext:nope")).rejects.toThrow(
      "no connector delivery",
    );
  });
});
