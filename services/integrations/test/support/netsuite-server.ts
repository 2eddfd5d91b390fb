import { randomUUID, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeProtectedHeader, jwtVerify } from "jose";

/**
 * A NetSuite account's REST web services as Oracle's NetSuite help documents them, for what the
 * connector uses:
 *
 * - OAuth 2.0 client credentials (M2M): "POST Request to the Token Endpoint and the Access Token
 *   Response" and "The Request Token Structure". `POST /services/rest/auth/oauth2/v1/token`,
 *   form-encoded `grant_type=client_credentials`, `client_assertion_type=urn:ietf:params:oauth:
 *   client-assertion-type:jwt-bearer`, `client_assertion` = a JWT (typ JWT, alg PS256 or ES256/
 *   384/512, kid = the certificate id of the mapping; iss = client id, aud = the token endpoint,
 *   scope rest_webservices, exp less than 60 minutes after iat) signed with the certificate's
 *   private key and checked here with its public part. Answers `{access_token, expires_in: "3600",
 *   token_type: "bearer"}`; refusals as OAuth errors (`{"error": "invalid_client"}`).
 * - "Creating a Record Instance": `POST /services/rest/record/v1/{type}` answers 204 No Content
 *   with `Location: .../record/v1/{type}/{internalId}`. "Using External IDs": `eid:{externalId}`
 *   stands for an internal id in any URL; letters, digits, `_` and `-`. "Using the Upsert
 *   Operation": `PUT /record/v1/{type}/eid:{externalId}` creates or updates, 204 + Location.
 * - "Getting a Record Instance" with `expandSubResources=true`: sublists come as
 *   `item: { items: [{ line, item: { id }, quantity, rate, ... }] }`.
 * - "Transforming Records" and "Use Case For Creating Invoices or Cash Sales from Your Sales
 *   Order": `POST /record/v1/salesOrder/{id}/!transform/invoice` (and invoice → creditMemo), 204 +
 *   Location; the body's `item.items[]` give `orderLine` and `quantity` per source line, a line
 *   left out is taken in full, quantity 0 leaves it out; lines without `orderLine` are added.
 * - "Error Handling in REST Web Services": `{ type, title, status, "o:errorDetails": [{ detail,
 *   "o:errorCode", "o:errorPath" }] }`; 401 INVALID_LOGIN, 404 NONEXISTENT_ID, 400
 *   INVALID_KEY_OR_REF for a reference to a record that does not exist, 400 USER_ERROR for a
 *   record NetSuite refuses; "Web Services and RESTlet Concurrency Governance": 429 when the
 *   account's concurrent requests are spent (here with Retry-After).
 *
 * Amounts (`rate`) are kept as the JSON number's source text, so a test sees the exact digits.
 * It counts records and requests, and can be told to fail the ways an account does.
 */
export interface TestNetsuite {
  url: string;
  clientId: string;
  certificateId: string;
  /** Records by type (invoice, creditMemo, salesOrder), in creation order. */
  records: Map<string, NetsuiteRecord[]>;
  requests: { method: string; path: string; status: number; body?: unknown }[];
  /** Tokens issued so far. */
  tokensIssued: number;
  /** Records that exist and can be referenced, by kind. */
  known: {
    customers: Set<string>;
    items: Set<string>;
    taxCodes: Set<string>;
    subsidiaries: Set<string>;
    currencies: Set<string>;
  };
  /** A sales order with item lines (line, item id, quantity ordered); returns its internal id. */
  addSalesOrder(entity: string, lines: { line: number; item: string; quantity: number }[]): string;
  /** The next create, upsert or transform stores the record, then answers 500 or too late. */
  failAfterCreate(mode: "5xx" | "timeout"): void;
  /** The next request is refused with 429 and this Retry-After (seconds). */
  rateLimitOnce(seconds: number): void;
  /** Every token issued so far is expired: requests with them get 401. */
  expireTokens(): void;
  close(): Promise<void>;
}

export type NetsuiteLine = Record<string, unknown> & {
  line: number;
  item: { id: string };
  quantity: number;
  orderLine?: number;
};

export type NetsuiteRecord = Record<string, unknown> & {
  id: string;
  externalId?: string;
  createdFrom?: { id: string };
  lines: NetsuiteLine[];
};

type Problem = { status: number; code: string; detail: string; path?: string };

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

const errorBody = ({ status, code, detail, path }: Problem) => ({
  type: `https://www.rfc-editor.org/rfc/rfc9110.html#section-15.${status >= 500 ? 6 : 5}.${status === 429 ? 29 : 1}`,
  title: TITLES[status] ?? "Error",
  status,
  "o:errorDetails": [
    { detail, "o:errorCode": code, ...(path === undefined ? {} : { "o:errorPath": path }) },
  ],
});

/** JSON as NetSuite reads it, with each `rate` kept as the digits sent. */
function parseBody(text: string): Record<string, unknown> {
  const reviver = (key: string, value: unknown, context?: { source?: string }) =>
    key === "rate" && typeof value === "number" ? (context?.source ?? String(value)) : value;
  return text ? (JSON.parse(text, reviver) as Record<string, unknown>) : {};
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** A body value as text, for checks and messages. */
const textOf = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);

/** `record` without `keys`. */
const omit = <T extends Record<string, unknown>>(record: T, ...keys: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
const EXTERNAL_ID = /^[A-Za-z0-9_-]+$/;

/** Starts the test account on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestNetsuite({
  publicKey,
  slowMs = 3_000,
  tokenSeconds = 3_600,
}: {
  publicKey: KeyObject;
  slowMs?: number;
  /** The `expires_in` of the tokens it issues; NetSuite's are valid for 3600 seconds. */
  tokenSeconds?: number;
}): Promise<TestNetsuite> {
  let fault: "5xx" | "timeout" | null = null;
  let rateLimit: number | null = null;
  let sequence = 100;
  const tokens = new Map<string, number>();
  const account = {
    clientId: "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00",
    certificateId: "Xb9Qm2cert0001",
    records: new Map<string, NetsuiteRecord[]>([
      ["invoice", []],
      ["creditMemo", []],
      ["salesOrder", []],
    ]),
    requests: [] as TestNetsuite["requests"],
    tokensIssued: 0,
    known: {
      customers: new Set<string>(),
      items: new Set<string>(),
      taxCodes: new Set<string>(),
      subsidiaries: new Set<string>(),
      currencies: new Set<string>(),
    },
  };
  const timers = new Set<NodeJS.Timeout>();
  let url = "";
  const tokenUrl = () => `${url}/services/rest/auth/oauth2/v1/token`;
  const list = (type: string) => account.records.get(type) ?? [];

  function byRef(type: string, ref: string): NetsuiteRecord | undefined {
    return ref.startsWith("eid:")
      ? list(type).find((record) => record.externalId === ref.slice(4))
      : list(type).find((record) => record.id === ref);
  }

  async function token(body: string): Promise<[number, unknown]> {
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "client_credentials")
      return [400, { error: "unsupported_grant_type" }];
    if (
      form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    )
      return [400, { error: "invalid_request" }];
    const assertion = form.get("client_assertion") ?? "";
    try {
      const header = decodeProtectedHeader(assertion);
      if (header.typ !== "JWT" || header.kid !== account.certificateId)
        return [401, { error: "invalid_client" }];
      const { payload } = await jwtVerify(assertion, publicKeyOf, {
        algorithms: ["PS256", "ES256", "ES384", "ES512"],
        issuer: account.clientId,
        audience: tokenUrl(),
      });
      const scope = Array.isArray(payload["scope"])
        ? (payload["scope"] as string[])
        : textOf(payload["scope"] ?? "").split(",");
      if (!scope.map((entry) => entry.trim()).includes("rest_webservices"))
        return [400, { error: "invalid_scope" }];
      if (!payload.iat || !payload.exp || payload.exp - payload.iat > 3600)
        return [400, { error: "invalid_request" }];
    } catch {
      return [401, { error: "invalid_client" }];
    }
    const accessToken = `ns-${randomUUID()}`;
    tokens.set(accessToken, Date.now() + tokenSeconds * 1_000);
    account.tokensIssued += 1;
    return [
      200,
      { access_token: accessToken, expires_in: String(tokenSeconds), token_type: "bearer" },
    ];
  }
  const publicKeyOf = publicKey;

  /** Checks the references and lines of a record to be written; the refusal if any. */
  function check(record: Record<string, unknown>, lines: NetsuiteLine[]): Problem | undefined {
    const refs: [string, Set<string>][] = [
      ["entity", account.known.customers],
      ["subsidiary", account.known.subsidiaries],
      ["currency", account.known.currencies],
    ];
    for (const [field, known] of refs) {
      const id = (record[field] as { id?: string } | undefined)?.id;
      if (id !== undefined && !known.has(id))
        return {
          status: 400,
          code: "INVALID_KEY_OR_REF",
          detail: `Invalid ${field} reference key ${id}.`,
          path: field,
        };
    }
    if (lines.length === 0)
      return { status: 400, code: "USER_ERROR", detail: "You must enter at least one line item." };
    for (const [index, line] of lines.entries()) {
      if (!account.known.items.has(line.item.id))
        return {
          status: 400,
          code: "INVALID_KEY_OR_REF",
          detail: `Invalid item reference key ${line.item.id}.`,
          path: `item.items[${index}].item`,
        };
      const taxCode = (line["taxCode"] as { id?: string } | undefined)?.id;
      if (taxCode !== undefined && !account.known.taxCodes.has(taxCode))
        return {
          status: 400,
          code: "INVALID_KEY_OR_REF",
          detail: `Invalid taxCode reference key ${taxCode}.`,
          path: `item.items[${index}].taxCode`,
        };
      if (!Number.isInteger(line.quantity) || line.quantity <= 0)
        return { status: 400, code: "USER_ERROR", detail: "Quantity must be positive." };
      if (line["rate"] !== undefined && !DECIMAL.test(textOf(line["rate"])))
        return { status: 400, code: "USER_ERROR", detail: `Invalid rate ${textOf(line["rate"])}.` };
    }
    return undefined;
  }

  function store(type: string, record: Record<string, unknown>, lines: NetsuiteLine[]) {
    const externalId = record["externalId"];
    if (externalId !== undefined && !EXTERNAL_ID.test(textOf(externalId)))
      return {
        status: 400,
        code: "USER_ERROR",
        detail: `Invalid externalId ${textOf(externalId)}.`,
      };
    if (externalId !== undefined && byRef(type, `eid:${textOf(externalId)}`))
      return {
        status: 400,
        code: "USER_ERROR",
        detail: `A ${type} record with external ID ${textOf(externalId)} already exists.`,
      };
    const problem = check(record, lines);
    if (problem) return problem;
    sequence += 1;
    const stored: NetsuiteRecord = { ...omit(record, "item"), id: String(sequence), lines };
    list(type).push(stored);
    return stored;
  }

  /** New lines as the body gives them, numbered as NetSuite numbers item lines. */
  const linesOf = (record: Record<string, unknown>, from = 1) =>
    ((record["item"] as { items?: NetsuiteLine[] } | undefined)?.items ?? []).map(
      (line, index) => ({ ...line, line: from + index }),
    );

  /** A transform: the source's lines, taken in full unless the body says how many, plus new ones. */
  function transform(
    source: NetsuiteRecord,
    sourceType: string,
    body: Record<string, unknown>,
  ): NetsuiteLine[] | Problem {
    const given = ((body["item"] as { items?: NetsuiteLine[] } | undefined)?.items ?? []) as (
      NetsuiteLine | (Record<string, unknown> & { orderLine: number; quantity: number })
    )[];
    const lines: NetsuiteLine[] = [];
    for (const sourceLine of source.lines) {
      const override = given.find((line) => line.orderLine === sourceLine.line);
      const open =
        sourceLine.quantity - Number((sourceLine["quantityBilled"] as number | undefined) ?? 0);
      const quantity = override ? override.quantity : open;
      if (quantity === 0) continue;
      if (quantity > open)
        return {
          status: 400,
          code: "USER_ERROR",
          detail: `Line ${sourceLine.line} of ${sourceType} ${source.id} has only ${open} left.`,
        };
      lines.push({
        ...omit(sourceLine, "line", "quantityBilled"),
        ...(override ?? {}),
        item: sourceLine.item,
        quantity,
        orderLine: sourceLine.line,
        line: lines.length + 1,
      });
    }
    for (const line of given)
      if (line.orderLine === undefined)
        lines.push({ ...(line as NetsuiteLine), line: lines.length + 1 });
    for (const line of given)
      if (line.orderLine !== undefined && !source.lines.some((s) => s.line === line.orderLine))
        return {
          status: 400,
          code: "USER_ERROR",
          detail: `${sourceType} ${source.id} has no line ${String(line.orderLine)}.`,
        };
    return lines;
  }

  /** Marks what a transform took from its source as billed (or credited). */
  function consume(source: NetsuiteRecord, lines: NetsuiteLine[]) {
    for (const line of lines) {
      const sourceLine = source.lines.find((candidate) => candidate.line === line.orderLine);
      if (sourceLine)
        sourceLine["quantityBilled"] = Number(sourceLine["quantityBilled"] ?? 0) + line.quantity;
    }
  }

  /** A write that went through: 204 and Location, or the fault the test asked for. */
  function created(
    answer: (status: number, body: unknown, headers?: Record<string, string>) => void,
    type: string,
    record: NetsuiteRecord,
  ) {
    const location = { location: `${url}/services/rest/record/v1/${type}/${record.id}` };
    if (!fault) return answer(204, undefined, location);
    const mode = fault;
    fault = null;
    if (mode === "5xx")
      return answer(
        500,
        errorBody({
          status: 500,
          code: "UNEXPECTED_ERROR",
          detail: "An unexpected error occurred.",
        }),
      );
    // Committed, but the answer comes too late for the caller.
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer(204, undefined, location);
    }, slowMs);
    timers.add(timer);
  }

  const isProblem = (value: unknown): value is Problem =>
    typeof value === "object" && value !== null && "code" in value && "status" in value;

  function view(record: NetsuiteRecord, expand: boolean) {
    const { lines, ...fields } = record;
    return {
      ...fields,
      item: expand
        ? {
            items: lines.map((line) => omit(line, "quantityBilled")),
            totalResults: lines.length,
          }
        : { links: [] },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? "/", "http://account");
    const path = decodeURIComponent(target.pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "";
    const logged = text && path.startsWith("/services/rest/record") ? parseBody(text) : undefined;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      account.requests.push({ method, path, status, ...(logged ? { body: logged } : {}) });
      res.writeHead(status, {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const refuse = (problem: Problem, headers: Record<string, string> = {}) =>
      answer(problem.status, errorBody(problem), headers);
    if (method === "POST" && path === "/services/rest/auth/oauth2/v1/token") {
      const [status, body] = await token(text);
      return answer(status, body);
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    if ((tokens.get(bearer) ?? 0) <= Date.now())
      return refuse({
        status: 401,
        code: "INVALID_LOGIN",
        detail:
          "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.",
      });
    if (rateLimit !== null) {
      const seconds = rateLimit;
      rateLimit = null;
      return refuse(
        {
          status: 429,
          code: "CONCURRENCY_LIMIT_EXCEEDED",
          detail: "Concurrent request limit exceeded. Request blocked.",
        },
        { "retry-after": String(seconds) },
      );
    }
    const body = logged ?? {};
    const route =
      /^\/services\/rest\/record\/v1\/(invoice|creditMemo|salesOrder)(?:\/([^/]+))?(?:\/!transform\/(invoice|creditMemo))?$/.exec(
        path,
      );
    if (!route) return refuse({ status: 404, code: "NONEXISTENT_ID", detail: `No route ${path}.` });
    const [, type = "", ref, into] = route;
    if (method === "GET" && ref && !into) {
      const record = byRef(type, ref);
      return record
        ? answer(200, view(record, target.searchParams.get("expandSubResources") === "true"))
        : refuse({
            status: 404,
            code: "NONEXISTENT_ID",
            detail: `The record instance does not exist. Provide a valid record instance ID.`,
          });
    }
    if (method === "POST" && ref && into) {
      const pair = `${type}>${into}`;
      if (pair !== "salesOrder>invoice" && pair !== "invoice>creditMemo")
        return refuse({ status: 400, code: "USER_ERROR", detail: `Cannot transform ${pair}.` });
      const source = byRef(type, ref);
      if (!source)
        return refuse({ status: 404, code: "NONEXISTENT_ID", detail: `No ${type} ${ref}.` });
      const lines = transform(source, type, body);
      if (isProblem(lines)) return refuse(lines);
      const fields = omit(body, "item");
      const stored = store(
        into,
        {
          entity: source["entity"],
          subsidiary: source["subsidiary"],
          currency: source["currency"],
          ...fields,
          createdFrom: { id: source.id },
        },
        lines,
      );
      if (isProblem(stored)) return refuse(stored);
      consume(source, lines);
      return created(answer, into, stored);
    }
    if (method === "PUT" && ref?.startsWith("eid:") && !into) {
      const existing = byRef(type, ref);
      if (existing) {
        Object.assign(existing, body, { item: undefined });
        return answer(204, undefined, {
          location: `${url}/services/rest/record/v1/${type}/${existing.id}`,
        });
      }
      const stored = store(type, { ...body, externalId: ref.slice(4) }, linesOf(body));
      if (isProblem(stored)) return refuse(stored);
      return created(answer, type, stored);
    }
    if (method === "POST" && !ref) {
      const stored = store(type, body, linesOf(body));
      if (isProblem(stored)) return refuse(stored);
      return created(answer, type, stored);
    }
    refuse({ status: 404, code: "NONEXISTENT_ID", detail: `No route ${method} ${path}.` });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify(errorBody({ status: 500, code: "UNEXPECTED_ERROR", detail: String(error) })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(account, {
    url,
    addSalesOrder(entity: string, lines: { line: number; item: string; quantity: number }[]) {
      sequence += 1;
      const id = String(sequence);
      list("salesOrder").push({
        id,
        entity: { id: entity },
        subsidiary: { id: "1" },
        currency: { id: "2" },
        lines: lines.map((line) => ({ ...line, item: { id: line.item } })),
      });
      return id;
    },
    failAfterCreate: (mode: "5xx" | "timeout") => {
      fault = mode;
    },
    rateLimitOnce: (seconds: number) => {
      rateLimit = seconds;
    },
    expireTokens: () => {
      for (const key of tokens.keys()) tokens.set(key, 0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
