import { randomBytes, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify } from "jose";

/**
 * A Salesforce org's REST API as Salesforce's developer documentation describes it, for what the
 * connector uses:
 *
 * - OAuth 2.0 ("OAuth 2.0 Client Credentials Flow for Server-to-Server Integration" and "OAuth 2.0
 *   JWT Bearer Flow for Server-to-Server Integration"): `POST /services/oauth2/token`, form-encoded,
 *   `grant_type=client_credentials` with `client_id` and `client_secret`, or
 *   `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` with `assertion` = a JWT signed RS256
 *   (iss = consumer key, sub = username, aud = the login URL, exp within 3 minutes). Answers
 *   `{access_token, instance_url, id, token_type: "Bearer", issued_at, signature, scope}` (no
 *   expiry is told); refusals as `{error, error_description}` (400 invalid_client, invalid_grant).
 * - "Status Codes and Error Responses": errors are a JSON array `[{"message", "errorCode",
 *   "fields"}]`; 401 INVALID_SESSION_ID for an expired or unknown session, 403
 *   REQUEST_LIMIT_EXCEEDED once the org's daily API requests are spent, 404 NOT_FOUND, 400
 *   INVALID_FIELD, INVALID_CROSS_REFERENCE_KEY, INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
 *   MALFORMED_QUERY, 500 UNKNOWN_EXCEPTION.
 * - "Limit Info Header": every REST answer carries `Sforce-Limit-Info: api-usage=N/M` (requests
 *   used today / the org's daily allowance).
 * - "Insert or Update (Upsert) a Record Using an External ID" and "sObject Rows by External ID":
 *   `PATCH /services/data/vXX.X/sobjects/Case/Waybill_Case_Id__c/{value}` creates (201
 *   `{id, success, errors, created: true}`) or updates (204 No Content; 200 with
 *   `created: false` when the server is started with `updateStatus: 200`, as newer API versions
 *   answer); `GET` on the same URL (`?fields=`) reads the record.
 * - "Create a Record": `POST /sobjects/CaseComment` with `ParentId`, `CommentBody`,
 *   `IsPublished`; 201 `{id, success, errors}`.
 * - "Query" and "Query More Results": `GET /query?q=<SOQL>` answers `{totalSize, done,
 *   nextRecordsUrl?, records: [{attributes: {type, url}, ...}]}`, in batches of `batchSize`;
 *   `nextRecordsUrl` (`/services/data/vXX.X/query/01g...-N`) gives the next batch. Only the two
 *   queries the connector sends are understood (changed Cases by SystemModstamp; a Case's
 *   CaseComments); any other is MALFORMED_QUERY.
 *
 * Case's Status is a restricted picklist (New, Working, Escalated, Closed; Closed is IsClosed);
 * SystemModstamp moves on every write, as `2026-12-03T15:04:05.000+0000`. It counts what it
 * received and can be told to fail the ways an org does.
 */
export interface TestSalesforce {
  url: string;
  clientId: string;
  clientSecret: string;
  username: string;
  /** Cases by Waybill case id. */
  cases: Map<string, SalesforceCase>;
  comments: { Id: string; ParentId: string; CommentBody: string; IsPublished: boolean }[];
  requests: { method: string; path: string; status: number; body?: unknown }[];
  tokensIssued: number;
  /** Users and queues that can own a Case. */
  owners: Set<string>;
  /** API requests counted today, and the org's allowance. */
  usage: { used: number; limit: number };
  /** An agent closes the Case in Salesforce with a status and a resolution. */
  closeCase(waybillCaseId: string, status: string, resolution: string | null): void;
  /** The next write (PATCH or POST) is stored, then answered with a 500 or too late. */
  failAfterWrite(mode: "5xx" | "timeout"): void;
  /** The next request of any kind answers 503 without doing anything. */
  unavailableOnce(): void;
  /** Every session issued so far is expired: requests with them get 401 INVALID_SESSION_ID. */
  expireSessions(): void;
  close(): Promise<void>;
}

export type SalesforceCase = Record<string, unknown> & {
  Id: string;
  CaseNumber: string;
  Status: string;
  IsClosed: boolean;
  Waybill_Case_Id__c: string;
  SystemModstamp: string;
};

const STATUSES = new Set(["New", "Working", "Escalated", "Closed"]);
const CASE_FIELDS = new Set([
  "Subject",
  "Description",
  "Status",
  "OwnerId",
  "Origin",
  "Type",
  "Priority",
  "Waybill_Resolution__c",
  "Waybill_Carrier__c",
  "Waybill_Tracking_Number__c",
  "Waybill_Invoice_Number__c",
  "Waybill_Invoice_Status__c",
]);

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
const fail = (status: number, errorCode: string, message: string, fields: string[] = []) => ({
  status,
  body: [{ message, errorCode, fields }],
});

/** `2026-12-03T15:04:05.000+0000`, as REST answers datetimes. */
const stamp = (at: Date) => at.toISOString().replace("Z", "+0000");

/** Starts the test org on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestSalesforce({
  publicKey,
  slowMs = 1_500,
  batchSize = 2_000,
  limit = 15_000,
  updateStatus = 204,
  apiVersion = "62.0",
}: {
  /** The certificate's public key the connected app checks JWT bearer assertions with. */
  publicKey?: KeyObject;
  slowMs?: number;
  batchSize?: number;
  limit?: number;
  updateStatus?: 200 | 204;
  apiVersion?: string;
} = {}): Promise<TestSalesforce> {
  const root = `/services/data/v${apiVersion}`;
  const sessions = new Map<string, boolean>();
  const cursors = new Map<string, Record<string, unknown>[]>();
  const timers = new Set<NodeJS.Timeout>();
  let fault: "5xx" | "timeout" | null = null;
  let unavailable = false;
  let sequence = 1000;
  let url = "";
  const org = {
    clientId: "3MVG9Waybill.Test.Consumer.Key",
    clientSecret: randomBytes(16).toString("hex"),
    username: "integration@waybill.example",
    cases: new Map<string, SalesforceCase>(),
    comments: [] as TestSalesforce["comments"],
    requests: [] as TestSalesforce["requests"],
    tokensIssued: 0,
    owners: new Set<string>(),
    usage: { used: 0, limit },
  };
  const idOf = (prefix: string) => {
    sequence += 1;
    return `${prefix}Wb0000${String(sequence).padStart(6, "0")}`;
  };
  const touch = (record: SalesforceCase) => {
    // Strictly later than any earlier write, as SystemModstamp is.
    const last = Math.max(...[...org.cases.values()].map((c) => Date.parse(c.SystemModstamp)), 0);
    record.SystemModstamp = stamp(new Date(Math.max(Date.now(), last + 1)));
  };

  async function token(body: string, authorization: string | undefined): Promise<Answer> {
    const form = new URLSearchParams(body);
    const grant = form.get("grant_type");
    const issue = (): Answer => {
      const access = `00DWb0000000001!${randomBytes(24).toString("base64url")}`;
      sessions.set(access, true);
      org.tokensIssued += 1;
      return {
        status: 200,
        body: {
          access_token: access,
          instance_url: url,
          id: `${url}/id/00DWb0000000001AAA/005Wb0000000001AAA`,
          token_type: "Bearer",
          issued_at: String(Date.now()),
          signature: randomBytes(32).toString("base64"),
          scope: "api",
        },
      };
    };
    if (grant === "client_credentials") {
      let [id, secret]: (string | null | undefined)[] = [
        form.get("client_id"),
        form.get("client_secret"),
      ];
      if (authorization?.startsWith("Basic "))
        [id, secret] = Buffer.from(authorization.slice(6), "base64").toString().split(":");
      if (id !== org.clientId || secret !== org.clientSecret)
        return {
          status: 400,
          body: { error: "invalid_client", error_description: "invalid client credentials" },
        };
      return issue();
    }
    if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer" && publicKey) {
      try {
        const { payload } = await jwtVerify(form.get("assertion") ?? "", publicKey, {
          algorithms: ["RS256"],
          issuer: org.clientId,
          subject: org.username,
          audience: url,
        });
        if (!payload.exp || payload.exp * 1000 > Date.now() + 3 * 60_000 + 5_000)
          return {
            status: 400,
            body: { error: "invalid_grant", error_description: "expired authorization code" },
          };
        return issue();
      } catch (error) {
        return {
          status: 400,
          body: { error: "invalid_grant", error_description: (error as Error).message },
        };
      }
    }
    return {
      status: 400,
      body: { error: "unsupported_grant_type", error_description: "grant type not supported" },
    };
  }

  function caseFields(body: Record<string, unknown>): Answer | null {
    for (const [field, value] of Object.entries(body)) {
      if (!CASE_FIELDS.has(field))
        return fail(400, "INVALID_FIELD", `No such column '${field}' on sobject of type Case`, [
          field,
        ]);
      if (field === "Status" && !STATUSES.has(String(value)))
        return fail(
          400,
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          `Status: bad value for restricted picklist field: ${String(value)}`,
          ["Status"],
        );
      if (field === "OwnerId" && !org.owners.has(String(value)))
        return fail(
          400,
          "INVALID_CROSS_REFERENCE_KEY",
          `Owner ID: id value of incorrect type: ${String(value)}`,
          ["OwnerId"],
        );
    }
    return null;
  }

  function upsert(externalId: string, body: Record<string, unknown>): Answer {
    const refused = caseFields(body);
    if (refused) return refused;
    const existing = org.cases.get(externalId);
    if (existing) {
      Object.assign(existing, body);
      existing.IsClosed = existing.Status === "Closed";
      touch(existing);
      return updateStatus === 204
        ? { status: 204 }
        : { status: 200, body: { id: existing.Id, success: true, errors: [], created: false } };
    }
    const record: SalesforceCase = {
      Status: "New",
      ...body,
      Id: idOf("500"),
      CaseNumber: String(sequence).padStart(8, "0"),
      IsClosed: body["Status"] === "Closed",
      Waybill_Case_Id__c: externalId,
      SystemModstamp: "",
    };
    touch(record);
    org.cases.set(externalId, record);
    return { status: 201, body: { id: record.Id, success: true, errors: [], created: true } };
  }

  function comment(body: Record<string, unknown>): Answer {
    const parent = [...org.cases.values()].find((c) => c.Id === body["ParentId"]);
    if (!parent)
      return fail(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["ParentId"]);
    const text = typeof body["CommentBody"] === "string" ? body["CommentBody"] : "";
    if (text.length > 4_000)
      return fail(400, "STRING_TOO_LONG", "Body: data value too large", ["CommentBody"]);
    const id = idOf("00a");
    org.comments.push({
      Id: id,
      ParentId: parent.Id,
      CommentBody: text,
      IsPublished: body["IsPublished"] === true,
    });
    return { status: 201, body: { id, success: true, errors: [] } };
  }

  const attributes = (type: string, id: string) => ({
    type,
    url: `${root}/sobjects/${type}/${id}`,
  });

  /** The batch at `from` of a result, with the locator of the rest. */
  function batch(records: Record<string, unknown>[], from: number, locator: string): Answer {
    const page = records.slice(from, from + batchSize);
    const done = from + batchSize >= records.length;
    if (!done) cursors.set(locator, records);
    return {
      status: 200,
      body: {
        totalSize: records.length,
        done,
        ...(done ? {} : { nextRecordsUrl: `${root}/query/${locator}-${from + batchSize}` }),
        records: page,
      },
    };
  }

  function query(soql: string): Answer {
    const pick = (
      record: Record<string, unknown>,
      fields: string,
      type: string,
    ): Record<string, unknown> =>
      Object.fromEntries<unknown>([
        ["attributes", attributes(type, String(record["Id"]))],
        ...fields
          .split(",")
          .map((field): [string, unknown] => [field.trim(), record[field.trim()] ?? null]),
      ]);
    const locator = `01gWb${randomBytes(6).toString("hex")}`;
    const comments = /^SELECT (.+) FROM CaseComment WHERE ParentId = '([A-Za-z0-9]+)'$/.exec(soql);
    if (comments) {
      const [, fields = "", parentId] = comments;
      const found = org.comments
        .filter((c) => c.ParentId === parentId)
        .map((c) => pick(c, fields, "CaseComment"));
      return batch(found, 0, locator);
    }
    const changed =
      /^SELECT (.+) FROM Case WHERE (?:SystemModstamp >= (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) AND )?Waybill_Case_Id__c != null ORDER BY SystemModstamp ASC$/.exec(
        soql,
      );
    if (changed) {
      const [, fields = "", since] = changed;
      const from = since ? Date.parse(since) : 0;
      const found = [...org.cases.values()]
        .filter((c) => Date.parse(c.SystemModstamp) >= from)
        .sort((a, b) => Date.parse(a.SystemModstamp) - Date.parse(b.SystemModstamp))
        .map((c) => pick(c, fields, "Case"));
      return batch(found, 0, locator);
    }
    return fail(400, "MALFORMED_QUERY", `unexpected query: ${soql}`);
  }

  function data(method: string, path: string, search: URLSearchParams, body: unknown): Answer {
    if (!path.startsWith(`${root}/`))
      return fail(404, "NOT_FOUND", "The requested resource does not exist");
    const rest = path.slice(root.length);
    const upsertPath = /^\/sobjects\/Case\/Waybill_Case_Id__c\/([^/]+)$/.exec(rest);
    if (upsertPath) {
      const externalId = decodeURIComponent(upsertPath[1] ?? "");
      if (method === "PATCH") return upsert(externalId, body as Record<string, unknown>);
      if (method === "GET") {
        const record = org.cases.get(externalId);
        if (!record)
          return fail(
            404,
            "NOT_FOUND",
            `Provided external ID field does not exist or is not accessible: ${externalId}`,
          );
        const fields = (search.get("fields") ?? "Id").split(",");
        return {
          status: 200,
          body: Object.fromEntries([
            ["attributes", attributes("Case", record.Id)],
            ...fields.map((f) => [f, record[f] ?? null]),
          ]),
        };
      }
    }
    if (rest === "/sobjects/CaseComment" && method === "POST")
      return comment(body as Record<string, unknown>);
    if (rest === "/query" && method === "GET") return query(search.get("q") ?? "");
    const more = /^\/query\/(01gWb[0-9a-f]+)-(\d+)$/.exec(rest);
    if (more && method === "GET") {
      const records = cursors.get(more[1] ?? "");
      if (!records) return fail(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
      return batch(records, Number(more[2]), more[1] ?? "");
    }
    return fail(404, "NOT_FOUND", "The requested resource does not exist");
  }

  async function handle(req: IncomingMessage): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const target = new URL(req.url ?? "/", url);
    const method = req.method ?? "GET";
    if (target.pathname === "/services/oauth2/token" && method === "POST")
      return token(text, req.headers.authorization);
    if (unavailable) {
      unavailable = false;
      return fail(503, "SERVER_UNAVAILABLE", "Service Unavailable");
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer || !sessions.get(bearer))
      return fail(401, "INVALID_SESSION_ID", "Session expired or invalid");
    org.usage.used += 1;
    const limitInfo = { "sforce-limit-info": `api-usage=${org.usage.used}/${org.usage.limit}` };
    if (org.usage.used > org.usage.limit)
      return {
        ...fail(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
        headers: limitInfo,
      };
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return { ...fail(400, "JSON_PARSER_ERROR", "Unexpected character"), headers: limitInfo };
    }
    const answer = data(method, target.pathname, target.searchParams, body);
    return { ...answer, headers: { ...answer.headers, ...limitInfo } };
  }

  const server = createServer((req, res: ServerResponse) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const send = (answer: Answer) => {
      org.requests.push({ method, path, status: answer.status });
      res.writeHead(answer.status, {
        ...(answer.body === undefined ? {} : { "content-type": "application/json;charset=UTF-8" }),
        ...answer.headers,
      });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    };
    handle(req)
      .then((answer) => {
        const write =
          (method === "PATCH" || method === "POST") &&
          answer.status < 300 &&
          !path.startsWith("/services/oauth2/");
        if (!write || !fault) return send(answer);
        const mode = fault;
        fault = null;
        // Committed either way: the caller does not learn it.
        if (mode === "5xx")
          return send(
            fail(
              500,
              "UNKNOWN_EXCEPTION",
              "An unexpected error occurred. Please include this ErrorId if you contact support",
            ),
          );
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(answer);
        }, slowMs);
        timers.add(timer);
      })
      .catch((error: unknown) => send(fail(500, "UNKNOWN_EXCEPTION", String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(org, {
    url,
    closeCase(waybillCaseId: string, status: string, resolution: string | null) {
      const record = org.cases.get(waybillCaseId);
      if (!record) throw new Error(`no Case for ${waybillCaseId}`);
      record.Status = status;
      record.IsClosed = status === "Closed";
      record["Waybill_Resolution__c"] = resolution;
      touch(record);
    },
    failAfterWrite: (mode: "5xx" | "timeout") => {
      fault = mode;
    },
    unavailableOnce: () => {
      unavailable = true;
    },
    expireSessions: () => {
      for (const key of sessions.keys()) sessions.set(key, false);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
