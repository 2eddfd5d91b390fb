import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { openStore } from "@waybill/store";
import {
  startTestErpnext,
  type TestErpnext,
} from "../../services/integrations/test/support/erpnext-server.ts";
import { certificateKeys } from "../../services/integrations/test/fixtures/netsuite.ts";
import {
  startTestNetsuite,
  type TestNetsuite,
} from "../../services/integrations/test/support/netsuite-server.ts";
import { execute } from "../support/graphql.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { checkConnectorDocuments, type ExternalDocument, netOf } from "./connector-invariants.ts";
import { createCustomers, orderJourney, type DriverFigures } from "./driver.ts";
import { checkInvariants } from "./invariants.ts";

/** Orders to drive; every other order ships in two parts. FAULT_ORDERS=3400 gives about 5,000 shipments. */
const ORDERS = Number(process.env.FAULT_ORDERS ?? 400);
const WORKERS = 8;
const SKUS = ["F-MUG", "F-TEE", "F-CAP", "F-BAG", "F-PEN"];
const SERVICES = [
  "orders",
  "shipments",
  "inventory",
  "billing",
  "returns",
  "integrations",
] as const;

let system: TestSystem;
// The finance systems the connectors deliver to, failing now and then as real ones do.
let erp: TestErpnext;
let ns: TestNetsuite;
let dir: string;
const mapping = {
  company: "Waybill Fault Ltd",
  customers: {} as Record<string, string>,
  items: Object.fromEntries(SKUS.map((sku) => [sku, `ITEM-${sku}`])),
  itemTaxTemplates: { "20": "VAT 20" },
  shipping: { itemCode: "SHIP", itemTaxTemplate: "VAT 20" },
  charges: { LIFTGATE: "CHG-LIFTGATE", FUEL: "CHG-FUEL" },
};
const netsuiteMapping = {
  subsidiary: "1",
  customers: {} as Record<string, string>,
  currencies: { EUR: "2" },
  items: Object.fromEntries(SKUS.map((sku, index) => [sku, String(501 + index)])),
  taxCodes: { "20": "7" },
  shipping: { item: "590", taxCode: "7" },
  charges: { LIFTGATE: "591", FUEL: "592" },
};

/** Master data's mapping files as they are now. */
async function saveMappings() {
  await writeFile(join(dir, "erpnext-mapping.json"), JSON.stringify(mapping));
  await writeFile(join(dir, "netsuite-mapping.json"), JSON.stringify(netsuiteMapping));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-faults-"));
  erp = await startTestErpnext({ slowMs: 1_500 });
  erp.customers.add("CUST-FAULT");
  for (const item of [...Object.values(mapping.items), "SHIP", "CHG-LIFTGATE", "CHG-FUEL"])
    erp.items.add(item);
  const { publicKey, privateKey } = certificateKeys();
  ns = await startTestNetsuite({ publicKey, slowMs: 1_500 });
  ns.known.customers.add("1042");
  ns.known.subsidiaries.add("1");
  ns.known.currencies.add("2");
  ns.known.taxCodes.add("7");
  for (const item of [...Object.values(netsuiteMapping.items), "590", "591", "592"])
    ns.known.items.add(item);
  await saveMappings();
  await writeFile(join(dir, "erpnext-secret"), erp.apiSecret);
  await writeFile(
    join(dir, "netsuite-key.pem"),
    privateKey.export({ type: "pkcs8", format: "pem" }),
  );
  // Short redelivery so a killed consumer's message comes back in seconds; many deliveries so
  // nothing is parked merely because its service was down for a while.
  system = await startTestSystem({
    CONSUMER_ACK_WAIT_MS: "3000",
    CONSUMER_BACKOFF_MS: "200,500,1000",
    CONSUMER_MAX_DELIVER: "200",
    // The driver stamps milestones up to two hours ahead of now to order them: allow that lead.
    CLOCK_SKEW_SECONDS: "86400",
    LOG_LEVEL: "warn",
    CONNECTORS: "erpnext,netsuite",
    // Retried for minutes, never parked merely because the hub or the system was down a while.
    CONNECTOR_RETRY_SCHEDULE: `0,${Array.from({ length: 60 }, () => "2").join(",")}`,
    CONNECTOR_BREAKER_SECONDS: "2",
    ERPNEXT_URL: erp.url,
    ERPNEXT_API_KEY: erp.apiKey,
    ERPNEXT_API_SECRET_FILE: join(dir, "erpnext-secret"),
    ERPNEXT_MAPPING_FILE: join(dir, "erpnext-mapping.json"),
    ERPNEXT_TIMEOUT_SECONDS: "1",
    NETSUITE_ACCOUNT_URL: ns.url,
    NETSUITE_CLIENT_ID: ns.clientId,
    NETSUITE_CERTIFICATE_ID: ns.certificateId,
    NETSUITE_PRIVATE_KEY_FILE: join(dir, "netsuite-key.pem"),
    NETSUITE_MAPPING_FILE: join(dir, "netsuite-mapping.json"),
    NETSUITE_TIMEOUT_SECONDS: "1",
  });
  for (const sku of SKUS)
    await execute(system.gatewayUrl, CREATE_PRODUCT, {
      sku,
      name: sku,
      warehouse: "AMS1",
      quantity: ORDERS * 20,
    });
});

afterAll(async () => {
  await system?.dispose();
  await erp?.close();
  await ns?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Waits until every connector has delivered its backlog (as far as it can: the check tells). */
async function connectorsSettled(gateway: string): Promise<void> {
  await waitFor(
    async () => {
      const { connectors } = await execute<{ connectors: { backlog: number }[] }>(
        gateway,
        `{ connectors { backlog } }`,
      );
      return connectors.every((connector) => connector.backlog === 0);
    },
    { description: "every connector to deliver its backlog", timeoutMs: 300_000, intervalMs: 500 },
  ).catch(() => undefined);
}

/** NetSuite's invoices and credit memos in the terms the check compares. */
const netsuiteDocuments = (): ExternalDocument[] => [
  ...(ns.records.get("invoice") ?? []).map((record) => {
    const reference = String(record.externalId);
    const adjustment = reference.startsWith("AN-");
    return {
      id: record.id,
      reference,
      kind: adjustment ? ("debit" as const) : ("invoice" as const),
      against: adjustment ? undefined : null,
      net: netOf(
        record.lines.map((line) => ({ rate: String(line["rate"]), quantity: line.quantity })),
        "EUR",
      ),
    };
  }),
  ...(ns.records.get("creditMemo") ?? []).map((record) => ({
    id: record.id,
    reference: String(record.externalId),
    kind: "credit" as const,
    against: record.createdFrom?.id ?? null,
    net: -netOf(
      record.lines.map((line) => ({ rate: String(line["rate"]), quantity: line.quantity })),
      "EUR",
    ),
  })),
];

/** ERPNext's Sales Invoices in the terms the check compares. */
const erpnextDocuments = (): ExternalDocument[] =>
  erp.invoices.map((doc) => ({
    id: doc.name,
    reference: String(doc["waybill_reference"]),
    kind: doc["is_return"] === 1 ? "credit" : doc["is_debit_note"] === 1 ? "debit" : "invoice",
    against: typeof doc["return_against"] === "string" ? doc["return_against"] : null,
    net: netOf(
      doc.items.map((item) => ({ rate: String(item["rate"]), quantity: Number(item["qty"]) })),
      String(doc["currency"]),
    ),
  }));

/** Waits until every durable consumer has nothing pending and nothing unacknowledged. */
async function drained(natsUrl: string): Promise<void> {
  const connection = await connect({ servers: natsUrl });
  try {
    const manager = await jetstreamManager(connection);
    await waitFor(
      async () => {
        for await (const stream of manager.streams.list()) {
          for await (const consumer of manager.consumers.list(stream.config.name)) {
            if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
          }
        }
        return true;
      },
      { description: "every consumer to drain", timeoutMs: 300_000, intervalMs: 500 },
    );
  } finally {
    await connection.close();
  }
}

describe("fault injection", () => {
  it("loses and duplicates nothing while services are killed, the broker restarts and a consumer stalls", async () => {
    const gateway = system.gatewayUrl;
    const figures: DriverFigures = {
      orders: 0,
      shipments: 0,
      milestones: 0,
      duplicateMilestones: 0,
      lateMilestones: 0,
      retriedRequests: 0,
      returns: 0,
      returnsBeforeInvoice: 0,
      carrierCharges: 0,
    };
    const faults = { kills: 0, brokerRestarts: 0, pauses: 0 };
    const customers = await createCustomers(gateway, figures, Date.now().toString(36));
    // Master data maps every customer before their orders come in.
    for (const customer of customers) {
      mapping.customers[customer.id] = "CUST-FAULT";
      netsuiteMapping.customers[customer.id] = "1042";
    }
    await saveMappings();
    let next = 0;
    let driving = true;

    const traffic = Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < ORDERS) {
          const index = next++;
          const customer = customers[index % customers.length] ?? { id: "" };
          await orderJourney(
            gateway,
            figures,
            customer,
            `F-${index}`,
            SKUS.slice(0, 1 + (index % SKUS.length)),
            index,
          );
        }
      }),
    ).finally(() => {
      driving = false;
    });

    const chaos = (async () => {
      // Round after round while traffic flows: kill -9 each service in turn, restart the broker,
      // freeze billing for a while (a slow consumer).
      for (let round = 0; driving; round++) {
        for (const name of SERVICES) {
          if (!driving && round > 0) break;
          await sleep(1_500);
          await system.services[name].kill();
          faults.kills += 1;
          await sleep(500);
          await system.services[name].start();
        }
        // ERPNext creates a document and the answer is lost, then it throttles.
        erp.failAfterCreate(round % 2 === 0 ? "5xx" : "timeout");
        erp.rateLimitOnce(1);
        ns.failAfterCreate(round % 2 === 0 ? "timeout" : "5xx");
        ns.rateLimitOnce(1);
        if (round % 2 === 1) ns.expireTokens();
        await sleep(1_000);
        await system.nats?.restart();
        faults.brokerRestarts += 1;
        await sleep(1_000);
        system.services.billing.pause();
        faults.pauses += 1;
        await sleep(3_000);
        system.services.billing.resume();
      }
    })();

    await Promise.all([traffic, chaos]);
    await drained(system.natsUrl);
    // The relays publish what the last transactions committed; then consumers apply it.
    await sleep(2_000);
    await drained(system.natsUrl);
    await connectorsSettled(gateway);
    await system.stop();

    const report = await checkInvariants(system.dataDir);
    const delivered = await checkConnectorDocuments(system.dataDir, {
      erpnext: erpnextDocuments(),
      netsuite: netsuiteDocuments(),
    });
    const summary = {
      ...figures,
      ...faults,
      ...report.figures,
      ...delivered.figures,
      anomalies: report.anomalies.length + delivered.anomalies.length,
    };
    console.log(`fault injection: ${JSON.stringify(summary)}`);
    expect(report.anomalies).toEqual([]);
    expect(delivered.anomalies).toEqual([]);
    expect(delivered.figures["erpnextDocuments"]).toBeGreaterThan(report.figures["shipments"] ?? 0);
    expect(delivered.figures["netsuiteDocuments"]).toBe(delivered.figures["erpnextDocuments"]);
    expect(report.figures.shipments).toBe(figures.shipments);
    // Every third order returns a unit after delivery and every sixth one before its invoice.
    expect(figures.returns).toBeGreaterThanOrEqual(Math.floor(ORDERS / 2));
    expect(report.figures.receivedReturns).toBe(figures.returns);
    expect(report.figures.creditNotes).toBeGreaterThan(0);
    expect(report.figures.adjustmentNotes).toBeGreaterThan(0);

    // The checker's credit rules fail when a credit note credits one unit more than it should.
    const billing = await openStore({ database: "billing", dataDir: `${system.dataDir}/data` });
    try {
      const notes = billing.collection<{ _id: string; lines: { quantity: number }[] }>(
        "credit_notes",
      );
      const [note] = await notes.find({ reason: "RETURN" }, { limit: 1 });
      if (!note) throw new Error("no credit note to break");
      await notes.updateOne(
        { _id: note._id },
        { $set: { lines: note.lines.map((line) => ({ ...line, quantity: line.quantity + 1 })) } },
      );
    } finally {
      await billing.close();
    }
    const broken = await checkInvariants(system.dataDir);
    expect(broken.anomalies.some((a) => /credited \d+ above invoiced|is not shipped/.test(a))).toBe(
      true,
    );
    expect(broken.anomalies.some((a) => /credits line .* above what was received/.test(a))).toBe(
      true,
    );
    // The connector check fails when ERPNext holds a document twice.
    const doubled = erpnextDocuments();
    doubled.push({ ...doubled[0]!, id: "ACC-SINV-DOUBLE" });
    const twice = await checkConnectorDocuments(system.dataDir, { erpnext: doubled });
    expect(twice.anomalies.some((a) => /holds 2 documents for/.test(a))).toBe(true);
    expect(faults.kills).toBeGreaterThanOrEqual(SERVICES.length);
    expect(faults.brokerRestarts).toBeGreaterThanOrEqual(1);
  });
});
