import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An ERPNext site as its REST API is documented, for the doctypes the connector uses:
 *
 * - Frappe REST API (https://docs.frappe.io/framework/user/en/api/rest): token authentication,
 *   `Authorization: token <api_key>:<api_secret>`; `POST /api/resource/{doctype}` answers
 *   `{"data": {...the document}}`; `GET /api/resource/{doctype}/{name}` the same;
 *   `PUT /api/resource/{doctype}/{name}` updates (docstatus 0 → 1 submits).
 * - Listing documents (https://docs.frappe.io/framework/user/en/guides/integration/rest_api/listing_documents):
 *   `GET /api/resource/{doctype}?filters=[[field, op, value]]&fields=[...]` answers
 *   `{"data": [{"name": ...}]}`, only `name` unless `fields` asks for more.
 * - Errors as frappe answers them: the HTTP status of the exception (401 AuthenticationError,
 *   403 PermissionError, 404 DoesNotExistError, 417 ValidationError and its subclasses such as
 *   LinkValidationError, 429 RateLimitExceededError with Retry-After, 500 for the rest) and the
 *   body `{"exc_type", "exception", "_server_messages"}`, `_server_messages` being a JSON list of
 *   JSON-encoded `{"message"}` objects.
 * - Sales Invoice fields as erpnext/accounts/doctype/sales_invoice/sales_invoice.json names them
 *   (`customer`, `is_return`, `return_against`, `is_debit_note`, `items[].item_code`, `qty`,
 *   `rate`, `sales_order`, `so_detail`, `item_tax_template`), with the rules the connector relies
 *   on: a return needs a submitted `return_against` and negative quantities; `waybill_reference`
 *   is a unique custom field.
 * - Delivery Note fields as erpnext/stock/doctype/delivery_note/delivery_note.json names them
 *   (`customer`, `lr_no`, `lr_date`, `transporter_name`, `items[].item_code`, `qty`, `warehouse`,
 *   `against_sales_order`, `so_detail`): positive quantities, a Warehouse that exists, and the
 *   same unique `waybill_reference`.
 *
 * It counts the Sales Invoices it holds and every request, and can be told to fail in the ways a
 * real site does.
 */
export interface TestErpnext {
  url: string;
  apiKey: string;
  /** The secret accepted now. */
  apiSecret: string;
  invoices: SalesInvoiceDoc[];
  deliveryNotes: SalesInvoiceDoc[];
  warehouses: Set<string>;
  salesOrders: Map<
    string,
    { name: string; items: { name: string; idx: number; item_code: string }[] }
  >;
  requests: { method: string; path: string; status: number }[];
  /** Customers and items that exist (links to others fail with LinkValidationError). */
  customers: Set<string>;
  items: Set<string>;
  /** While true, every request gets 503, as from a site behind a proxy while it is down. */
  down: boolean;
  /** The next create stores the invoice, then answers 500 (or never answers in time). */
  failAfterCreate(mode: "5xx" | "timeout"): void;
  /** The next request is refused with 429 and this Retry-After (seconds). */
  rateLimitOnce(seconds: number): void;
  /** The secret changes; requests with the old one get 401. Returns the new secret. */
  rotateSecret(): string;
  close(): Promise<void>;
}

export type SalesInvoiceDoc = Record<string, unknown> & {
  name: string;
  docstatus: number;
  items: Record<string, unknown>[];
};

const frappeError = (excType: string, message: string) => ({
  exc_type: excType,
  exception: `frappe.exceptions.${excType}: ${message}`,
  _server_messages: JSON.stringify([JSON.stringify({ message })]),
});

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Starts the test site on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestErpnext({ slowMs = 3_000 } = {}): Promise<TestErpnext> {
  let fault: "5xx" | "timeout" | null = null;
  let rateLimit: number | null = null;
  let sequence = 0;
  const site = {
    apiKey: "wb-api-key-0001",
    apiSecret: "secret-0",
    invoices: [] as SalesInvoiceDoc[],
    deliveryNotes: [] as SalesInvoiceDoc[],
    warehouses: new Set<string>(),
    salesOrders: new Map() as TestErpnext["salesOrders"],
    requests: [] as TestErpnext["requests"],
    customers: new Set<string>(),
    items: new Set<string>(),
    down: false,
  };
  const timers = new Set<NodeJS.Timeout>();

  /** Validates and stores a Sales Invoice; the error answer when frappe would refuse it. */
  function create(doc: Record<string, unknown>): [number, unknown] {
    const items = Array.isArray(doc["items"]) ? (doc["items"] as Record<string, unknown>[]) : [];
    const reference = doc["waybill_reference"];
    if (typeof reference !== "string" || !reference)
      return [417, frappeError("MandatoryError", "waybill_reference is mandatory")];
    if (site.invoices.some((invoice) => invoice["waybill_reference"] === reference))
      return [
        417,
        frappeError("UniqueValidationError", `Waybill Reference ${reference} already exists`),
      ];
    if (!site.customers.has(String(doc["customer"])))
      return [
        417,
        frappeError("LinkValidationError", `Could not find Customer: ${String(doc["customer"])}`),
      ];
    if (items.length === 0) return [417, frappeError("MandatoryError", "Items are mandatory")];
    const isReturn = doc["is_return"] === 1;
    for (const item of items) {
      if (!site.items.has(String(item["item_code"])))
        return [
          417,
          frappeError("LinkValidationError", `Could not find Item: ${String(item["item_code"])}`),
        ];
      const qty = item["qty"];
      if (typeof qty !== "number" || !Number.isInteger(qty) || qty === 0)
        return [417, frappeError("ValidationError", "Quantity must be a non-zero number")];
      if (isReturn !== qty < 0)
        return [
          417,
          frappeError(
            "ValidationError",
            isReturn ? "Quantity must be negative in a return" : "Quantity must be positive",
          ),
        ];
      if (!DECIMAL.test(String(item["rate"])))
        return [
          417,
          frappeError("ValidationError", `Rate ${String(item["rate"])} is not a number`),
        ];
    }
    if (isReturn || doc["is_debit_note"] === 1) {
      const original = site.invoices.find((invoice) => invoice.name === doc["return_against"]);
      if (!original || original.docstatus !== 1)
        return [
          417,
          frappeError(
            "ValidationError",
            `Return Against ${String(doc["return_against"])} is not a submitted Sales Invoice`,
          ),
        ];
    }
    sequence += 1;
    const stored: SalesInvoiceDoc = {
      ...doc,
      doctype: "Sales Invoice",
      name: `ACC-SINV-2026-${String(sequence).padStart(5, "0")}`,
      docstatus: doc["docstatus"] === 1 ? 1 : 0,
      items: items.map((item, index) => ({
        ...item,
        idx: index + 1,
        name: `row-${sequence}-${index + 1}`,
      })),
    };
    site.invoices.push(stored);
    return [200, { data: stored }];
  }

  /** Validates and stores a Delivery Note; the error answer when frappe would refuse it. */
  function createDeliveryNote(doc: Record<string, unknown>): [number, unknown] {
    const items = Array.isArray(doc["items"]) ? (doc["items"] as Record<string, unknown>[]) : [];
    const reference = doc["waybill_reference"];
    if (typeof reference !== "string" || !reference)
      return [417, frappeError("MandatoryError", "waybill_reference is mandatory")];
    if (site.deliveryNotes.some((note) => note["waybill_reference"] === reference))
      return [
        417,
        frappeError("UniqueValidationError", `Waybill Reference ${reference} already exists`),
      ];
    if (!site.customers.has(String(doc["customer"])))
      return [
        417,
        frappeError("LinkValidationError", `Could not find Customer: ${String(doc["customer"])}`),
      ];
    if (items.length === 0) return [417, frappeError("MandatoryError", "Items are mandatory")];
    for (const item of items) {
      if (!site.items.has(String(item["item_code"])))
        return [
          417,
          frappeError("LinkValidationError", `Could not find Item: ${String(item["item_code"])}`),
        ];
      if (!site.warehouses.has(String(item["warehouse"])))
        return [
          417,
          frappeError(
            "LinkValidationError",
            `Could not find Warehouse: ${String(item["warehouse"])}`,
          ),
        ];
      const qty = item["qty"];
      if (typeof qty !== "number" || !Number.isInteger(qty) || qty <= 0)
        return [417, frappeError("ValidationError", "Quantity must be positive")];
      const order = item["against_sales_order"];
      if (order !== undefined && (typeof order !== "string" || !site.salesOrders.has(order)))
        return [
          417,
          frappeError(
            "LinkValidationError",
            `Could not find Sales Order: ${JSON.stringify(order)}`,
          ),
        ];
    }
    sequence += 1;
    const stored: SalesInvoiceDoc = {
      ...doc,
      doctype: "Delivery Note",
      name: `MAT-DN-2026-${String(sequence).padStart(5, "0")}`,
      docstatus: doc["docstatus"] === 1 ? 1 : 0,
      items: items.map((item, index) => ({
        ...item,
        idx: index + 1,
        name: `dn-row-${sequence}-${index + 1}`,
      })),
    };
    site.deliveryNotes.push(stored);
    return [200, { data: stored }];
  }

  function list(url: URL, docs: SalesInvoiceDoc[] = site.invoices): unknown {
    const filters = JSON.parse(url.searchParams.get("filters") ?? "[]") as unknown[][];
    const fields = JSON.parse(url.searchParams.get("fields") ?? '["name"]') as string[];
    const limit = Number(url.searchParams.get("limit_page_length") ?? 20);
    const rows = docs.filter((invoice) =>
      filters.every((filter) => {
        // [field, op, value] or [doctype, field, op, value]
        const [field, op, value] = filter.length === 4 ? filter.slice(1) : filter;
        return op === "=" && invoice[String(field)] === value;
      }),
    );
    return {
      data: rows
        .slice(0, limit)
        .map((row) => Object.fromEntries(fields.map((field) => [field, row[field]]))),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://site");
    const path = decodeURIComponent(url.pathname);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      site.requests.push({ method: req.method ?? "", path, status });
      send(res, status, body, headers);
    };
    if (site.down) return answer(503, frappeError("Exception", "Service Unavailable"));
    if (req.headers.authorization !== `token ${site.apiKey}:${site.apiSecret}`)
      return answer(401, frappeError("AuthenticationError", "Invalid token"));
    if (rateLimit !== null) {
      const seconds = rateLimit;
      rateLimit = null;
      return answer(429, frappeError("RateLimitExceededError", "Too Many Requests"), {
        "retry-after": String(seconds),
      });
    }
    const body = req.method === "GET" ? {} : await bodyOf(req);
    if (req.method === "GET" && path === "/api/resource/Sales Invoice")
      return answer(200, list(url));
    if (req.method === "GET" && path === "/api/resource/Delivery Note")
      return answer(200, list(url, site.deliveryNotes));

    const order = /^\/api\/resource\/Sales Order\/(.+)$/.exec(path);
    if (req.method === "GET" && order) {
      const found = site.salesOrders.get(order[1] ?? "");
      return found
        ? answer(200, { data: { doctype: "Sales Order", docstatus: 1, ...found } })
        : answer(404, frappeError("DoesNotExistError", `Sales Order ${order[1] ?? ""} not found`));
    }
    const creates: Record<string, (doc: Record<string, unknown>) => [number, unknown]> = {
      "/api/resource/Sales Invoice": create,
      "/api/resource/Delivery Note": createDeliveryNote,
    };
    const creator = creates[path];
    if (req.method === "POST" && creator) {
      const [status, reply] = creator(body);
      if (status === 200 && fault) {
        const mode = fault;
        fault = null;
        if (mode === "5xx")
          return answer(500, frappeError("Exception", "Internal Server Error after commit"));
        // Created and committed, but the answer comes too late for the caller.
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(200, reply);
        }, slowMs);
        timers.add(timer);
        return;
      }
      return answer(status, reply);
    }
    const one = /^\/api\/resource\/Sales Invoice\/(.+)$/.exec(path);
    if (one) {
      const invoice = site.invoices.find((candidate) => candidate.name === one[1]);
      if (!invoice)
        return answer(
          404,
          frappeError("DoesNotExistError", `Sales Invoice ${one[1] ?? ""} not found`),
        );
      if (req.method === "PUT" && body["docstatus"] === 1) invoice.docstatus = 1;
      return answer(200, { data: invoice });
    }
    answer(404, frappeError("DoesNotExistError", `no route ${req.method ?? ""} ${path}`));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, frappeError("Exception", String(error))),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(site, {
    url: `http://127.0.0.1:${port}`,
    failAfterCreate: (mode: "5xx" | "timeout") => {
      fault = mode;
    },
    rateLimitOnce: (seconds: number) => {
      rateLimit = seconds;
    },
    rotateSecret: () => {
      site.apiSecret = `secret-${Date.now()}`;
      return site.apiSecret;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
