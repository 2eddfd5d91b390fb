import { describe, expect, it } from "vitest";
import { connectorConsumers, subjectOf } from "../src/connectors/consumers.ts";
import type { Connector } from "../src/connectors/outcome.ts";
import type { ConnectorRepository } from "../src/store/connectors.ts";
import { confirmShipment, issueInvoice, order, testBilling } from "./fixtures/connectors.ts";

const repo = {} as ConnectorRepository;
const billingOnly: Connector = { name: "erp", concurrency: 1, deliver: () => Promise.resolve("x") };
const despatching: Connector = {
  ...billingOnly,
  name: "edi",
  despatch: () => Promise.resolve("y"),
};

describe("which events a connector is told of", () => {
  it("reads billing's stream for every connector, and shipments' only for those that take despatches", () => {
    expect(connectorConsumers(repo, [])).toEqual([]);
    const billing = connectorConsumers(repo, [billingOnly]);
    expect(billing.map((consumer) => consumer.stream)).toEqual(["billing"]);
    const both = connectorConsumers(repo, [billingOnly, despatching]);
    expect(both.map((consumer) => consumer.stream)).toEqual(["billing", "shipments"]);
    expect(Object.keys(both[1]?.handlers ?? {})).toEqual(["shipments.shipment.confirmed"]);
  });

  it("names a confirmed shipment's despatch by the shipment, and an invoice by its number", () => {
    const hub = testBilling();
    const ord = order("ord_1");
    expect(subjectOf(confirmShipment(hub, "shp_1", ord, [2, 0]))).toEqual({
      kind: "despatch",
      documentId: "shp_1",
      invoiceId: null,
      reference: "shp_1",
      orderId: "ord_1",
    });
    expect(subjectOf(issueInvoice(hub, "inv_1", "INV-1", ord, [2, 0]))).toMatchObject({
      kind: "invoice",
      reference: "INV-1",
    });
  });
});
