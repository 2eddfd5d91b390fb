import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { ASSIGN_SERVICE_CASE } from "../documents/orders.ts";
import { RECORD_MILESTONE } from "../documents/shipments.ts";
import { execute, nodes } from "../support/graphql.ts";
import { createCatalog, ORDER_LINES, placeDemoOrder, serviceView } from "../support/orders.ts";
import { confirmWhenKnown, oneUnitShipment, type MilestoneType } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  await createCatalog(gateway);
});

afterAll(async () => {
  await system?.dispose();
});

describe("service cases from carrier exceptions", () => {
  it("opens a case with the shipment's context on an EXCEPTION, and resolves it once delivered and invoiced", async () => {
    const { orderId, lineIds } = await placeDemoOrder(gateway, ORDER_LINES);
    const confirmed = await confirmWhenKnown(
      gateway,
      oneUnitShipment(orderId, lineIds[0] ?? "", "JD0146000099"),
    );
    if (confirmed.__typename !== "Shipment") throw new Error(JSON.stringify(confirmed));
    await waitFor(
      async () => {
        const order = await serviceView(gateway, orderId);
        return (
          order?.shipments.edges[0]?.node.invoice?.status === "ISSUED" &&
          nodes(order.timeline).some((entry) => entry.kind === "INVOICE_ISSUED")
        );
      },
      { description: "the invoice to be issued and seen by orders" },
    );

    const milestone = (type: MilestoneType, reasonCode: string | null) =>
      execute(gateway, RECORD_MILESTONE, {
        input: {
          shipmentId: confirmed.id,
          type,
          occurredAt: new Date().toISOString(),
          location: "Utrecht",
          reasonCode,
        },
      });
    await milestone("EXCEPTION", "ADDRESS_UNKNOWN");
    const opened = await waitFor(
      async () =>
        (await serviceView(gateway, orderId))?.serviceCases.edges.find(
          ({ node }) => node.kind === "CARRIER_EXCEPTION",
        )?.node,
      { description: "orders to open a case for the exception" },
    );
    expect(opened).toMatchObject({
      status: "OPEN",
      carrier: "DHL",
      trackingNumber: "JD0146000099",
      shipment: {
        milestones: { edges: [{ node: { type: "EXCEPTION", reasonCode: "ADDRESS_UNKNOWN" } }] },
      },
    });
    expect(opened.subject).toContain("ADDRESS_UNKNOWN");
    const assigned = await execute(gateway, ASSIGN_SERVICE_CASE, {
      caseId: opened.id,
      assignee: "agent.smith",
    });
    expect(assigned.assignServiceCase).toMatchObject({
      __typename: "ServiceCase",
      assignee: "agent.smith",
    });

    await milestone("DELIVERED", null);
    const order = await waitFor(
      async () => {
        const current = await serviceView(gateway, orderId);
        return current?.serviceCases.edges.every(({ node }) => node.status === "RESOLVED")
          ? current
          : undefined;
      },
      { description: "the cases to resolve once delivered and billed" },
    );
    expect(nodes(order.serviceCases).find((c) => c.id === opened.id)).toMatchObject({
      resolvedAutomatically: true,
    });
    expect(nodes(order.shipments)[0]).toMatchObject({
      status: "DELIVERED",
      invoice: { status: "ISSUED" },
    });
    const kinds = nodes(order.timeline).map((entry) => entry.kind);
    expect(kinds.indexOf("SERVICE_CASE_OPENED")).toBeGreaterThan(
      kinds.indexOf("SHIPMENT_CONFIRMED"),
    );
    expect(kinds.lastIndexOf("SERVICE_CASE_RESOLVED")).toBeGreaterThan(
      kinds.indexOf("SERVICE_CASE_OPENED"),
    );
    expect(order.lines[0]?.deliveredQuantity).toBe(1);
    expect(order.fulfilmentStatus).toBe("PARTIALLY_DELIVERED");
  });
});
