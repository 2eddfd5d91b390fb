import { metricValue, testPrincipal, waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import { healthOf, listConnectors, retryDelivery } from "../src/connectors/admin.ts";
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
});
