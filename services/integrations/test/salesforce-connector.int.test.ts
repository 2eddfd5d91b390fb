import { generateKeyPairSync } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import {
  AGENT_OWNER,
  QUEUE_OWNER,
  SALESFORCE_MAPPING,
  startSalesforceBed,
  type SalesforceBed,
} from "./fixtures/salesforce.ts";

// The org is test/support/salesforce-server.ts, which follows Salesforce's REST API pages on
// upserts by external id, queries, errors, the Limit Info header and the OAuth 2.0 server-to-
// server flows (named in its header).

let bed: SalesforceBed;

afterEach(async () => {
  await bed.close();
});

const settled = (caseId: string, revision: number) =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("salesforce", `${caseId}@${revision}`);
      return record?.state === "delivered" && record;
    },
    { description: `${caseId}@${revision} delivered` },
  );

const delivery = (caseId: string, revision: number) =>
  bed.connectors.repo.deliveryOf("salesforce", `${caseId}@${revision}`);

const comments = () => bed.sf.comments.map((comment) => comment.CommentBody);
const upserts = () =>
  bed.sf.requests
    .filter((r) => r.method === "PATCH")
    .map((r) => r.status)
    .filter((status) => status < 300);

const note = (author: string, body: string) => ({ at: "2026-12-03T10:00:00.000Z", author, body });

describe("Salesforce connector against a test org", () => {
  it("upserts a Case with the shipment context on each change, then its owner and comments, each once", async () => {
    bed = await startSalesforceBed();
    const opened = bed.crm.change("case_1", () => {});
    expect(await bed.consume(opened)).toBe("handled");
    expect(await bed.consume(opened)).toBe("duplicate");
    const first = await settled("case_1", 1);
    const record = bed.sf.cases.get("case_1");
    expect(first.externalId).toBe(record?.Id);
    expect(record).toMatchObject({
      Subject: "DHL JD0123: exception ADDRESS_UNKNOWN",
      Status: "Working",
      OwnerId: QUEUE_OWNER,
      Origin: "Web",
      Waybill_Tracking_Number__c: "JD0123",
    });
    const description = String(record?.["Description"]);
    expect(description).toContain("Carrier DHL, tracking number JD0123");
    expect(description).toContain("Invoice INV-2026-000001: ON_HOLD");
    expect(description).toContain("EXCEPTION (ADDRESS_UNKNOWN) at Leipzig");
    expect(description).toContain("Order ord_1 (web #1001), customer cus_1");
    // The last five milestones only.
    expect(description).not.toContain("LABEL_CREATED");
    expect(description).toContain("PICKED_UP");
    expect(comments()).toEqual([]);

    await bed.consume(bed.crm.change("case_1", (c) => (c.assignee = "agent.smith")));
    await settled("case_1", 2);
    expect(bed.sf.cases.get("case_1")?.["OwnerId"]).toBe(AGENT_OWNER);

    await bed.consume(
      bed.crm.change("case_1", (c) => c.notes.push(note("agent.smith", "Called the carrier"))),
    );
    await settled("case_1", 3);
    await bed.consume(
      bed.crm.change("case_1", (c) => c.notes.push(note("agent.smith", "New address sent"))),
    );
    await settled("case_1", 4);
    expect(comments()).toEqual([
      "Called the carrier\n\nagent.smith, 2026-12-03T10:00:00.000Z [Waybill note 1]",
      "New address sent\n\nagent.smith, 2026-12-03T10:00:00.000Z [Waybill note 2]",
    ]);
    expect(bed.sf.comments.every((c) => c.ParentId === record?.Id && !c.IsPublished)).toBe(true);
    expect(bed.sf.cases.size).toBe(1);
    // Looked up by the external id, created once, updated three times.
    expect(upserts()).toEqual([201, 204, 204, 204]);
    expect(bed.sf.tokensIssued).toBe(1);
  });

  it("signs in with the JWT bearer flow, the assertion checked against the connected app's certificate", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const keyPath = join(tmpdir(), `waybill-salesforce-key-${process.pid}.pem`);
    await writeFile(keyPath, privateKey.export({ type: "pkcs8", format: "pem" }));
    bed = await startSalesforceBed(
      {
        SALESFORCE_AUTH: "jwt_bearer",
        SALESFORCE_USERNAME: "integration@waybill.example",
        SALESFORCE_PRIVATE_KEY_FILE: keyPath,
        SALESFORCE_CLIENT_SECRET_FILE: undefined,
      },
      { publicKey },
    );
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    expect(bed.sf.tokensIssued).toBe(1);
    expect(bed.sf.cases.size).toBe(1);
    await rm(keyPath, { force: true });
  });

  it("takes a 200 update answer as newer API versions give it", async () => {
    bed = await startSalesforceBed({}, { updateStatus: 200 });
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    await bed.consume(bed.crm.change("case_1", (c) => (c.assignee = "agent.smith")));
    const second = await settled("case_1", 2);
    expect(second.externalId).toBe(bed.sf.cases.get("case_1")?.Id);
    expect(upserts()).toEqual([201, 200]);
  });

  it("never reopens a Case an agent closed with a change of a case still open in Waybill", async () => {
    bed = await startSalesforceBed({ SALESFORCE_POLL_SECONDS: "3600" });
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    bed.sf.closeCase("case_1", "Closed", "Re-delivered");
    await bed.consume(
      bed.crm.change("case_1", (c) => c.notes.push(note("agent.smith", "Called the carrier"))),
    );
    await settled("case_1", 2);
    expect(bed.sf.cases.get("case_1")).toMatchObject({ Status: "Closed", IsClosed: true });
    expect(comments()).toHaveLength(1);
  });

  it("sends each comment once across a 500 after the write and an answer that comes too late", async () => {
    bed = await startSalesforceBed();
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);

    bed.sf.failAfterWrite("5xx");
    await bed.consume(
      bed.crm.change("case_1", (c) => c.notes.push(note("agent.smith", "Called the carrier"))),
    );
    const afterFailure = await settled("case_1", 2);
    expect(afterFailure.attempts).toBe(2);
    expect(afterFailure.lastError).toBeNull();

    await bed.consume(
      bed.crm.change("case_1", (c) => {
        c.notes.push(note("agent.smith", "Parcel located"));
      }),
    );
    bed.sf.failAfterWrite("timeout");
    await settled("case_1", 3);
    // The timeout hit the upsert or the comment; either way nothing is there twice.
    await waitFor(() => comments().length === 2 && bed.sf.requests.length > 0, {
      description: "both comments",
    });
    expect(comments().map((body) => body.split("\n")[0])).toEqual([
      "Called the carrier",
      "Parcel located",
    ]);
    expect(bed.sf.cases.size).toBe(1);
    const record = (await delivery("case_1", 3)) as ConnectorDeliveryRecord;
    expect(record.attempts).toBe(2);
  });

  it("asks for a new session when Salesforce answers INVALID_SESSION_ID, and is unavailable on 503", async () => {
    bed = await startSalesforceBed();
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    bed.sf.expireSessions();
    await bed.consume(bed.crm.change("case_1", (c) => (c.assignee = "agent.smith")));
    const renewed = await settled("case_1", 2);
    expect(renewed.attempts).toBe(1);
    expect(bed.sf.tokensIssued).toBe(2);
    expect(bed.sf.requests.filter((r) => r.status === 401)).toHaveLength(1);

    bed.sf.unavailableOnce();
    await bed.consume(
      bed.crm.change("case_1", (c) => c.notes.push(note("agent.smith", "Called the carrier"))),
    );
    expect((await settled("case_1", 3)).attempts).toBe(2);
    const failed = (await bed.metrics()).find(
      (s) =>
        s.name === "waybill_connector_failed_total" &&
        s.labels["connector"] === "salesforce" &&
        s.labels["kind"] === "unavailable",
    );
    expect(failed?.value).toBe(1);
  });

  it("reads Sforce-Limit-Info, and stops sending once the allowance is nearly spent or refused", async () => {
    // One poll at start, then none: only deliveries count here.
    bed = await startSalesforceBed({
      SALESFORCE_API_RESERVE_PERCENT: "10",
      SALESFORCE_POLL_SECONDS: "3600",
    });
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    const used = async () =>
      (await bed.metrics()).find((s) => s.name === "waybill_connector_api_requests_used")?.value;
    const seen = bed.sf.usage.used;
    expect(await used()).toBe(seen);
    expect(
      (await bed.metrics()).find((s) => s.name === "waybill_connector_api_requests_limit")?.value,
    ).toBe(15_000);

    // Past 90 % of the allowance: the answer that tells it is the last request for a while.
    bed.sf.usage.used = 13_600;
    const before = bed.sf.requests.length;
    await bed.consume(bed.crm.change("case_1", (c) => (c.assignee = "agent.smith")));
    const waiting = await waitFor(
      async () => {
        const record = await delivery("case_1", 2);
        return record?.state === "failed" && record;
      },
      { description: "case_1@2 held back" },
    );
    expect(waiting.lastError).toContain("allowance nearly spent");
    expect(waiting.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now() + 200_000);
    expect(await used()).toBe(13_601);
    expect(bed.sf.requests.length).toBe(before + 1);
  });

  it("pauses on 403 REQUEST_LIMIT_EXCEEDED", async () => {
    bed = await startSalesforceBed({
      SALESFORCE_API_RESERVE_PERCENT: "0",
      SALESFORCE_POLL_SECONDS: "3600",
    });
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    bed.sf.usage.used = bed.sf.usage.limit;
    await bed.consume(bed.crm.change("case_1", (c) => (c.assignee = "agent.smith")));
    const limited = await waitFor(
      async () => {
        const record = await delivery("case_1", 2);
        return record?.state === "failed" && record;
      },
      { description: "case_1@2 rate limited" },
    );
    expect(limited.lastError).toContain("REQUEST_LIMIT_EXCEEDED");
    const [run] = bed.connectors.runs;
    expect(run?.pausedUntil).toBeGreaterThan(Date.now() + 200_000);
    expect(bed.sf.requests.filter((r) => r.status === 403)).toHaveLength(1);
  });

  it("parks a change whose assignee has no owner in the mapping, and sends it once mapped", async () => {
    bed = await startSalesforceBed();
    await bed.consume(bed.crm.change("case_1", () => {}));
    await settled("case_1", 1);
    await bed.consume(bed.crm.change("case_1", (c) => (c.assignee = "bob")));
    const parked = await waitFor(
      async () => {
        const record = await delivery("case_1", 2);
        return record?.parked && record;
      },
      { description: "case_1@2 parked" },
    );
    expect(parked.lastError).toContain("assignee bob");
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({ category: "missing_reference", status: "open" });

    await bed.writeMapping({
      ...SALESFORCE_MAPPING,
      owners: { ...SALESFORCE_MAPPING.owners, bob: AGENT_OWNER },
    });
    const retried = await bed.exceptions.retry(exception?._id ?? "");
    expect(retried).toMatchObject({ kind: "retried" });
    await settled("case_1", 2);
    expect(bed.sf.cases.get("case_1")?.["OwnerId"]).toBe(AGENT_OWNER);
  });

  it("resolves Waybill cases an agent closed in Salesforce, reading every batch once from the watermark", async () => {
    bed = await startSalesforceBed({}, { batchSize: 2 });
    for (const id of ["case_1", "case_2", "case_3"]) {
      await bed.consume(bed.crm.change(id, () => {}));
      await settled(id, 1);
    }
    bed.sf.closeCase("case_1", "Closed", "Re-delivered on Monday");
    bed.sf.closeCase("case_2", "Closed", null);
    bed.sf.closeCase("case_3", "Escalated", "not yet");
    await waitFor(() => bed.crm.resolutions.length >= 2, { description: "two resolutions" });
    expect(
      bed.crm.resolutions.slice(0, 2).map(({ caseId, resolution }) => [caseId, resolution]),
    ).toEqual([
      ["case_1", "Re-delivered on Monday"],
      ["case_2", "closed in Salesforce as Closed"],
    ]);
    expect(bed.crm.resolutions[0]?.as).toMatchObject({ role: "agent" });
    expect(bed.crm.resolutions[0]?.as?.scopes).toContain("cases:write");
    expect(bed.crm.cases.get("case_3")?.status).toBe("OPEN");
    const queries = bed.sf.requests.filter((r) => r.path.includes("/query"));
    expect(queries.some((r) => /\/query\/01g/.test(r.path))).toBe(true);
    expect(queries.some((r) => r.path.includes("SystemModstamp%20%3E%3D%20"))).toBe(true);

    // Polls go on: a case already resolved is neither resolved nor asked for again.
    const asked = bed.crm.resolutions.length;
    const polls = queries.length;
    await waitFor(
      () => bed.sf.requests.filter((r) => r.path.includes("/query")).length > polls + 3,
      { description: "more polls" },
    );
    expect(bed.crm.resolutions.length).toBe(asked);
    expect(bed.crm.cases.get("case_1")).toMatchObject({
      status: "RESOLVED",
      resolution: "Re-delivered on Monday",
    });
  });
});
