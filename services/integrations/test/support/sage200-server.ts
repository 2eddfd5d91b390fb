import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Sage ID and a Sage 200 site as the Sage 200 API is documented, for the resources the connector
 * uses:
 *
 * - Authentication (https://developer.sage.com/200/guides/authenticating/): Sage ID's token
 *   endpoint takes the OAuth 2.0 refresh token grant (`grant_type=refresh_token`, `client_id`,
 *   `client_secret`, `refresh_token`, form-encoded) and answers `{access_token, refresh_token,
 *   expires_in, token_type: "Bearer"}`, or `{error, error_description}`; every API request carries
 *   `Authorization: Bearer`, `X-Site` and `X-Company` (the ids `GET /sites` names), and an
 *   expired access token is answered 401.
 * - Query parameters (https://developer.sage.com/200/guides/query-parameters): a subset of OData,
 *   `$filter` with `eq` clauses joined by `and` (strings in single quotes), `$select`, `$top`.
 * - The SOP resources as Sage's Swagger for the API describes them ("Sage 200 v1 Extra SOP",
 *   `/uk/sage200extra/accounts/v1/`): `GET /sop_orders`; `GET /sop_confirm_despatch` (the lines
 *   left to despatch, filtered by `document_no`) and `POST /sop_confirm_despatch` with a
 *   sop_confirm_despatch_adjustment (`sop_order_return_id`, `despatch_receipt_date`,
 *   `confirmation_intent_type`, `items[].id`/`quantity`, `tracking_items[]` with `courier_id`,
 *   `consignment_no`, `notes`); `GET /sop_order_despatch_views` (`sop_despatch_id`,
 *   `sop_despatch_document_no`, `sop_order_id`, `sop_despatch_consignment_no`, ...).
 * - Sales ledger postings as the API's field names are listed on Zynk's Sage 200 Online Sales
 *   Invoice, Sales Credit Note and Sales Transaction pages (docs.zynk.com/workflow/developers/
 *   sage-200-online/): `POST /sales_invoices` and `POST /sales_credit_notes` create a posted
 *   transaction (`customer_id`, `transaction_date`, `reference` of at most 20 characters,
 *   `second_reference`, `document_goods_value`, `document_tax_value`, `nominal_analysis_items`
 *   with `code`/`cost_centre`/`department`/`narrative`/`value`, `tax_analysis_items` with the tax
 *   code `id`, `goods_amount`, `tax_amount`), and `GET /sales_posted_transactions` lists them with
 *   `trader_transaction_type` (TradingAccountEntryTypeInvoice, ...CreditNote).
 * - Errors: 400 with a message for the first problem found ("What makes an API request": `{
 *   "statusCode", "message" }`), 401, 404, 429 with Retry-After, 5xx.
 *
 * It counts the postings and despatches it holds and every request, and can be told to fail in
 * the ways a real site does: down, a 5xx or a late answer after committing, 429, an expired token.
 */
export interface TestSage200 {
  /** The API base, as SAGE200_URL. */
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The refresh token Sage ID accepts now (it rotates on every grant). */
  refreshToken: string;
  siteId: string;
  companyId: string;
  customers: Map<string, number>;
  taxCodes: Set<number>;
  couriers: Set<number>;
  salesOrders: Map<string, SalesOrder>;
  despatches: Despatch[];
  postings: Posting[];
  requests: { method: string; path: string; status: number; query: string }[];
  tokenGrants: number;
  down: boolean;
  /** The next create commits, then answers 500 (or answers too late). */
  failAfterCreate(mode: "5xx" | "timeout"): void;
  /** The next API request is refused with 429 and this Retry-After (seconds). */
  rateLimitOnce(seconds: number): void;
  /** The access token in use expires: requests with it get 401 until a new one is granted. */
  expireToken(): void;
  close(): Promise<void>;
}

export type SalesOrder = {
  id: number;
  document_no: string;
  lines: {
    id: number;
    item_code: string;
    warehouse_name: string;
    quantity: number;
    despatched: number;
  }[];
};

export type Despatch = {
  id: number;
  document_no: string;
  sop_order_id: number;
  date: string;
  courier_id: number;
  consignment_no: string;
  notes: string;
  lines: { line_id: number; item_code: string; quantity: number }[];
};

/** A posted sales transaction; decimals kept as the digits sent. */
export type Posting = Record<string, unknown> & {
  id: number;
  resource: "sales_invoices" | "sales_credit_notes";
  reference: string;
  trader_transaction_type: string;
};

const API = "/uk/sage200/accounts/v1";
const MONEY = /^\d+\.\d{2}$/;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function textOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON with every number kept as the text it was written with, as a decimal-reading server would. */
function parseKeepingNumbers(text: string): Record<string, unknown> {
  const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === "number" ? (context?.source ?? String(value)) : value;
  return JSON.parse(text, reviver) as Record<string, unknown>;
}

/** `a eq 'x' and b eq 2` → [[a, "x"], [b, "2"]]; the subset of OData the connector sends. */
function clauses(filter: string): [string, string][] | null {
  const parts = filter.split(/\s+and\s+/);
  const out: [string, string][] = [];
  for (const part of parts) {
    const match = /^(\w+) eq (?:'((?:[^']|'')*)'|(\d+))$/.exec(part.trim());
    if (!match) return null;
    out.push([match[1] ?? "", (match[2] ?? match[3] ?? "").replaceAll("''", "'")]);
  }
  return out;
}

const stringOf = (value: unknown) => (typeof value === "string" ? value : "");

const minor = (text: unknown) => {
  if (typeof text !== "string" || !MONEY.test(text)) return null;
  return Number(text.replace(".", ""));
};

/** Starts Sage ID and the site on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestSage200({ slowMs = 3_000 } = {}): Promise<TestSage200> {
  let fault: "5xx" | "timeout" | null = null;
  let rateLimit: number | null = null;
  let accessToken: string | null = null;
  let sequence = 0;
  const timers = new Set<NodeJS.Timeout>();
  const site = {
    tokenUrl: "",
    clientId: "waybill-client",
    clientSecret: "client-secret-1",
    refreshToken: "refresh-0",
    siteId: "site-7f3a",
    companyId: "42",
    customers: new Map<string, number>(),
    taxCodes: new Set<number>(),
    couriers: new Set<number>(),
    salesOrders: new Map<string, SalesOrder>(),
    despatches: [] as Despatch[],
    postings: [] as Posting[],
    requests: [] as TestSage200["requests"],
    tokenGrants: 0,
    down: false,
  };

  const refuse = (message: string): [number, unknown] => [400, { statusCode: 400, message }];

  function grant(form: URLSearchParams): [number, unknown] {
    if (form.get("client_id") !== site.clientId || form.get("client_secret") !== site.clientSecret)
      return [401, { error: "access_denied", error_description: "Unauthorized" }];
    if (
      form.get("grant_type") !== "refresh_token" ||
      form.get("refresh_token") !== site.refreshToken
    )
      return [
        403,
        { error: "invalid_grant", error_description: "Unknown or invalid refresh token." },
      ];
    site.tokenGrants += 1;
    accessToken = `access-${site.tokenGrants}`;
    site.refreshToken = `refresh-${site.tokenGrants}`;
    return [
      200,
      {
        access_token: accessToken,
        refresh_token: site.refreshToken,
        expires_in: 480,
        token_type: "Bearer",
      },
    ];
  }

  function rows<T extends Record<string, unknown>>(all: T[], url: URL): [number, unknown] {
    const filter = url.searchParams.get("$filter");
    const parsed = filter ? clauses(filter) : [];
    if (!parsed) return refuse(`The query specified in the URI is not valid: ${filter ?? ""}`);
    const top = Number(url.searchParams.get("$top") ?? 100);
    const select = url.searchParams.get("$select")?.split(",");
    const found = all
      .filter((row) => parsed.every(([field, value]) => String(row[field]) === value))
      .slice(0, top)
      .map((row) =>
        select ? Object.fromEntries(select.map((field) => [field, row[field]])) : row,
      );
    return [200, found];
  }

  const despatchViews = () =>
    site.despatches.map((despatch) => ({
      sop_despatch_id: despatch.id,
      sop_despatch_document_no: despatch.document_no,
      sop_despatch_date: despatch.date,
      sop_despatch_courier_id: despatch.courier_id,
      sop_despatch_consignment_no: despatch.consignment_no,
      sop_despatch_notes: despatch.notes,
      sop_order_id: despatch.sop_order_id,
      sop_order_document_no: [...site.salesOrders.values()].find(
        (o) => o.id === despatch.sop_order_id,
      )?.document_no,
    }));

  function despatchable(url: URL): [number, unknown] {
    const filter = clauses(url.searchParams.get("$filter") ?? "") ?? [];
    const documentNo = filter.find(([field]) => field === "document_no")?.[1];
    const orders = [...site.salesOrders.values()].filter(
      (o) => documentNo === undefined || o.document_no === documentNo,
    );
    return [
      200,
      orders
        .map((order) => ({
          sop_order_return_id: order.id,
          confirmation_intent_type: "ConfirmOnDespatch",
          items: order.lines
            .filter((line) => line.quantity > line.despatched)
            .map((line) => ({
              id: line.id,
              sop_order_return_id: order.id,
              document_no: order.document_no,
              item_code: line.item_code,
              warehouse_name: line.warehouse_name,
              quantity: 0,
              line_quantity: line.quantity,
              despatch_receipt_quantity: line.despatched,
              outstanding_quantity: line.quantity - line.despatched,
              available_quantity: line.quantity - line.despatched,
            })),
        }))
        .filter((entry) => entry.items.length > 0),
    ];
  }

  function confirmDespatch(body: Record<string, unknown>): [number, unknown] {
    const order = [...site.salesOrders.values()].find(
      (o) => String(o.id) === String(body["sop_order_return_id"]),
    );
    if (!order)
      return refuse(`The sales order ${String(body["sop_order_return_id"])} does not exist.`);
    if (body["confirmation_intent_type"] !== "ConfirmOnDespatch")
      return refuse("confirmation_intent_type must be ConfirmOnDespatch or Confirm.");
    const items = Array.isArray(body["items"]) ? (body["items"] as Record<string, unknown>[]) : [];
    if (items.length === 0) return refuse("No sales order lines to despatch.");
    const lines: Despatch["lines"] = [];
    for (const item of items) {
      const line = order.lines.find((candidate) => String(candidate.id) === String(item["id"]));
      const quantity = Number(item["quantity"]);
      if (!line)
        return refuse(
          `The sales order line ${String(item["id"])} is not on order ${order.document_no}.`,
        );
      if (!Number.isFinite(quantity) || quantity <= 0)
        return refuse("The quantity to despatch must be above zero.");
      if (quantity > line.quantity - line.despatched)
        return refuse(
          `The quantity to despatch for ${line.item_code} exceeds the outstanding quantity.`,
        );
      lines.push({ line_id: line.id, item_code: line.item_code, quantity });
    }
    const tracking = (Array.isArray(body["tracking_items"]) ? body["tracking_items"] : [])[0] as
      Record<string, unknown> | undefined;
    const courier = Number(tracking?.["courier_id"] ?? 0);
    if (tracking && !site.couriers.has(courier))
      return refuse(`The courier ${courier} does not exist.`);
    for (const item of lines) {
      const line = order.lines.find((candidate) => candidate.id === item.line_id);
      if (line) line.despatched += item.quantity;
    }
    sequence += 1;
    site.despatches.push({
      id: 9000 + sequence,
      document_no: String(sequence).padStart(10, "0"),
      sop_order_id: order.id,
      date: String(body["despatch_receipt_date"]),
      courier_id: courier,
      consignment_no: stringOf(tracking?.["consignment_no"]),
      notes: stringOf(tracking?.["notes"]),
      lines,
    });
    return [200, body];
  }

  /** Amounts are JSON numbers ("number(decimal 2dp)"), not strings. */
  function amountsAreNumbers(plain: Record<string, unknown>): boolean {
    const items = (key: string) =>
      (Array.isArray(plain[key]) ? plain[key] : []) as Record<string, unknown>[];
    return [
      plain["document_goods_value"],
      plain["document_tax_value"],
      ...items("nominal_analysis_items").map((item) => item["value"]),
      ...items("tax_analysis_items").flatMap((item) => [item["goods_amount"], item["tax_amount"]]),
    ].every((value) => typeof value === "number");
  }

  function post(
    resource: Posting["resource"],
    body: Record<string, unknown>,
    plain: Record<string, unknown>,
  ): [number, unknown] {
    if (!amountsAreNumbers(plain)) return refuse("Amounts must be numbers.");
    const reference = body["reference"];
    if (typeof reference !== "string" || reference.length === 0 || reference.length > 20)
      return refuse("The reference must be between 1 and 20 characters.");
    if (![...site.customers.values()].some((id) => String(id) === String(body["customer_id"])))
      return refuse(`The customer ${String(body["customer_id"])} does not exist.`);
    const nominal = (
      Array.isArray(body["nominal_analysis_items"]) ? body["nominal_analysis_items"] : []
    ) as Record<string, unknown>[];
    const tax = (
      Array.isArray(body["tax_analysis_items"]) ? body["tax_analysis_items"] : []
    ) as Record<string, unknown>[];
    if (nominal.length === 0) return refuse("At least one nominal analysis item is required.");
    const goods = minor(body["document_goods_value"]);
    const taxValue = minor(body["document_tax_value"]);
    if (goods === null || taxValue === null)
      return refuse("Document values must be numbers with 2 decimals.");
    let nominalSum = 0;
    for (const item of nominal) {
      const value = minor(item["value"]);
      if (value === null) return refuse("Nominal analysis values must be numbers with 2 decimals.");
      if (typeof item["code"] !== "string" || !item["code"])
        return refuse("A nominal code is required.");
      nominalSum += value;
    }
    let taxGoods = 0;
    let taxSum = 0;
    for (const item of tax) {
      if (!site.taxCodes.has(Number(item["id"])))
        return refuse(`The tax code ${String(item["id"])} does not exist.`);
      const itemGoods = minor(item["goods_amount"]);
      const itemTax = minor(item["tax_amount"]);
      if (itemGoods === null || itemTax === null)
        return refuse("Tax analysis amounts must be numbers with 2 decimals.");
      taxGoods += itemGoods;
      taxSum += itemTax;
    }
    if (nominalSum !== goods)
      return refuse("The nominal analysis does not add up to the goods value.");
    if (taxGoods !== goods || taxSum !== taxValue)
      return refuse("The tax analysis does not add up to the document values.");
    sequence += 1;
    const stored: Posting = {
      ...body,
      id: 27000 + sequence,
      resource,
      reference,
      trader_transaction_type:
        resource === "sales_invoices"
          ? "TradingAccountEntryTypeInvoice"
          : "TradingAccountEntryTypeCreditNote",
    };
    site.postings.push(stored);
    return [200, stored];
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://site");
    const path = url.pathname;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      site.requests.push({ method: req.method ?? "", path, status, query: url.search });
      send(res, status, body, headers);
    };
    const text = await textOf(req);
    if (path === "/oauth/token" && req.method === "POST") {
      const [status, body] = grant(new URLSearchParams(text));
      return answer(status, body);
    }
    if (!path.startsWith(API)) return answer(404, { statusCode: 404, message: `no route ${path}` });
    const resource = path.slice(API.length);
    if (site.down) return answer(503, { statusCode: 503, message: "Service Unavailable" });
    if (!accessToken || req.headers.authorization !== `Bearer ${accessToken}`)
      return answer(401, {
        statusCode: 401,
        message: "Authorization has been denied for this request.",
      });
    if (req.headers["x-site"] !== site.siteId || req.headers["x-company"] !== site.companyId)
      return answer(400, {
        statusCode: 400,
        message: "The X-Site or X-Company header is missing or unknown.",
      });
    if (rateLimit !== null) {
      const seconds = rateLimit;
      rateLimit = null;
      return answer(
        429,
        { statusCode: 429, message: "Rate limit is exceeded." },
        { "retry-after": String(seconds) },
      );
    }
    const get = req.method === "GET";
    if (get && resource === "/customers") {
      const all = [...site.customers.entries()].map(([reference, id]) => ({ id, reference }));
      const [status, body] = rows(all, url);
      return answer(status, body);
    }
    if (get && resource === "/sop_orders") {
      const all = [...site.salesOrders.values()].map(({ id, document_no }) => ({
        id,
        document_no,
      }));
      const [status, body] = rows(all, url);
      return answer(status, body);
    }
    if (get && resource === "/sop_order_despatch_views") {
      const [status, body] = rows(despatchViews(), url);
      return answer(status, body);
    }
    if (get && resource === "/sop_confirm_despatch") {
      const [status, body] = despatchable(url);
      return answer(status, body);
    }
    if (get && resource === "/sales_posted_transactions") {
      const [status, body] = rows(site.postings, url);
      return answer(status, body);
    }
    const creates: Record<
      string,
      (body: Record<string, unknown>, plain: Record<string, unknown>) => [number, unknown]
    > = {
      "/sop_confirm_despatch": confirmDespatch,
      "/sales_invoices": (body, plain) => post("sales_invoices", body, plain),
      "/sales_credit_notes": (body, plain) => post("sales_credit_notes", body, plain),
    };
    const create = creates[resource];
    if (req.method === "POST" && create) {
      let body: Record<string, unknown>;
      let plain: Record<string, unknown>;
      try {
        body = parseKeepingNumbers(text);
        plain = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return answer(400, { statusCode: 400, message: "The request body is not valid JSON." });
      }
      const [status, reply] = create(body, plain);
      if (status === 200 && fault) {
        const mode = fault;
        fault = null;
        if (mode === "5xx")
          return answer(500, { statusCode: 500, message: "An error has occurred." });
        // Committed, but the answer comes too late for the caller.
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(200, reply);
        }, slowMs);
        timers.add(timer);
        return;
      }
      return answer(status, reply);
    }
    answer(404, { statusCode: 404, message: `no route ${req.method ?? ""} ${resource}` });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, { statusCode: 500, message: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  site.tokenUrl = `${origin}/oauth/token`;
  return Object.assign(site, {
    url: origin + API,
    failAfterCreate: (mode: "5xx" | "timeout") => {
      fault = mode;
    },
    rateLimitOnce: (seconds: number) => {
      rateLimit = seconds;
    },
    expireToken: () => {
      accessToken = `expired-${Date.now()}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
