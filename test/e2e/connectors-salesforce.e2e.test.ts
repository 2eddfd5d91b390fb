import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestSalesforce,
  type TestSalesforce,
} from "../../services/integrations/test/support/salesforce-server.ts";
import { ASSIGN_SERVICE_CASE, COMMENT_ON_SERVICE_CASE } from "../documents/orders.ts";
import { RECORD_MILESTONE } from "../documents/shipments.ts";
import { execute, nodes } from "../support/graphql.ts";
import { createCatalog, ORDER_LINES, placeDemoOrder, serviceView } from "../support/orders.ts";
import { confirmWhenKnown, oneUnitShipment } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Service cases through the whole hub into a Salesforce org and back: orders tells each change
// of a case over NATS, the integrations service reads the case with its shipment context through
// the supergraph and upserts it; an agent's resolution in Salesforce comes back through the hub.
// The org is services/integrations/test/support/salesforce-server.ts, which follows Salesforce's
// REST API and OAuth pages (named in its header).

const OWNER = "005Wb00000000AgAAA";

let system: TestSystem;
let gateway: string;
let sf: TestSalesforce;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-salesforce-e2e-"));
  sf = await startTestSalesforce({ slowMs: 2_000 });
  sf.owners.add(OWNER);
  const mappingPath = join(dir, "salesforce-mapping.json");
  await writeFile(
    mappingPath,
    JSON.stringify({
      statuses: { OPEN: "Working", RESOLVED: "Closed" },
      closedStatuses: ["Closed"],
      owners: { "agent.smith": OWNER },
      origin: "Web",
      contextFields: {
        carrier: "Waybill_Carrier__c",
        trackingNumber: "Waybill_Tracking_Number__c",
        invoiceNumber: "Waybill_Invoice_Number__c",
      },
    }),
  );
  const secretPath = join(dir, "salesforce-secret");
  await writeFile(secretPath, sf.clientSecret);
  system = await startTestSystem({
    CONNECTORS: "salesforce",
    CONNECTOR_RETRY_SCHEDULE: "0,0.2,0.5,1,2,5",
    CONNECTOR_POLL_MS: "100",
    SALESFORCE_LOGIN_URL: sf.url,
    SALESFORCE_AUTH: "client_credentials",
    SALESFORCE_CLIENT_ID: sf.clientId,
    SALESFORCE_CLIENT_SECRET_FILE: secretPath,
    SALESFORCE_MAPPING_FILE: mappingPath,
    SALESFORCE_TIMEOUT_SECONDS: "1",
    SALESFORCE_POLL_SECONDS: "0.2",
  });
  gateway = system.gatewayUrl;
  await createCatalog(gateway);
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await sf?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("service cases in Salesforce", () => {
  it("opens a Case with the shipment context for a carrier exception, follows it once across a 500 and a timeout, and takes the agent's resolution back", async () => {
    const { orderId, lineIds } = await placeDemoOrder(gateway, ORDER_LINES);
    const confirmed = await confirmWhenKnown(
      gateway,
      oneUnitShipment(orderId, lineIds[0] ?? "", "JD0146000777"),
    );
    if (confirmed.__typename !== "Shipment") throw new Error(JSON.stringify(confirmed));
    const invoiceNumber = await waitFor(
      async () => {
        const invoice = (await serviceView(gateway, orderId))?.shipments.edges[0]?.node.invoice;
        return invoice?.status === "ISSUED" && invoice.number;
      },
      { description: "the invoice to be issued" },
    );
    await execute(gateway, RECORD_MILESTONE, {
      input: {
        shipmentId: confirmed.id,
        type: "EXCEPTION",
        occurredAt: new Date().toISOString(),
        location: "Utrecht",
        reasonCode: "ADDRESS_UNKNOWN",
      },
    });
    const opened = await waitFor(
      async () =>
        (await serviceView(gateway, orderId))?.serviceCases.edges.find(
          ({ node }) => node.kind === "CARRIER_EXCEPTION",
        )?.node,
      { description: "orders to open a case for the exception" },
    );
    const sfCase = await waitFor(() => sf.cases.get(opened.id), {
      description: "the Case in Salesforce",
    });
    expect(sfCase).toMatchObject({
      Subject: opened.subject,
      Status: "Working",
      Origin: "Web",
      Waybill_Carrier__c: "DHL",
      Waybill_Tracking_Number__c: "JD0146000777",
      Waybill_Invoice_Number__c: invoiceNumber,
    });
    const description = String(sfCase["Description"]);
    expect(description).toContain("Carrier DHL, tracking number JD0146000777");
    expect(description).toContain(`Invoice ${invoiceNumber}:`);
    expect(description).toContain("EXCEPTION (ADDRESS_UNKNOWN) at Utrecht");
    expect(description).toContain(`Order ${orderId}`);

    // The assignment's upsert is stored but answered with a 500; the comment's answer comes late.
    sf.failAfterWrite("5xx");
    await execute(gateway, ASSIGN_SERVICE_CASE, { caseId: opened.id, assignee: "agent.smith" });
    await waitFor(() => sf.cases.get(opened.id)?.["OwnerId"] === OWNER, {
      description: "the Case's owner",
    });
    sf.failAfterWrite("timeout");
    await execute(gateway, COMMENT_ON_SERVICE_CASE, {
      caseId: opened.id,
      author: "agent.smith",
      body: "Asked the carrier for the consignee's new address",
    });
    await waitFor(() => sf.comments.length > 0, { description: "the comment in Salesforce" });

    sf.closeCase(opened.id, "Closed", "Customer collects the parcel at the depot");
    const resolved = await waitFor(
      async () => {
        const order = await serviceView(gateway, orderId);
        const found = order && nodes(order.serviceCases).find((c) => c.id === opened.id);
        return found?.status === "RESOLVED" && found;
      },
      { description: "the Waybill case resolved from Salesforce" },
    );
    expect(resolved.resolvedAutomatically).toBe(false);
    // The resolution goes back out as the case's last change, with the agent's words.
    await waitFor(
      () =>
        String(sf.cases.get(opened.id)?.["Description"]).includes(
          "Resolved in Waybill: Customer collects the parcel at the depot",
        ),
      { description: "the resolved case told to Salesforce" },
    );
    expect(sf.cases.get(opened.id)).toMatchObject({ Status: "Closed", OwnerId: OWNER });
    expect(sf.cases.size).toBe(1);
    expect(sf.comments.map((c) => c.CommentBody.split("\n")[0])).toEqual([
      "Asked the carrier for the consignee's new address",
    ]);
    expect(sf.requests.filter((r) => r.status === 500)).toHaveLength(1);
    expect(
      system.logs.some(
        (log) => log.process === "integrations" && log.line.includes("Salesforce did not answer"),
      ),
    ).toBe(true);
  });
});
