import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An SAP Business One Service Layer (`/b1s/v1`, OData v3 JSON) as SAP documents it, for the
 * entities the connector uses:
 *
 * - Login and sessions (SAP's user manual "Working with SAP Business One Service Layer", "Login
 *   and Logout"; learning.sap.com "Logging In and Logging Out Using Service Layer API"):
 *   `POST /b1s/v1/Login` with `{"CompanyDB", "UserName", "Password"}` answers
 *   `{"odata.metadata", "SessionId", "Version", "SessionTimeout"}` and sets the cookies `B1SESSION`
 *   (the session id) and `ROUTEID` (the node, for a load balancer); later requests send both.
 *   A request without a live session gets 401 with error code 301 "Invalid session."; a failed
 *   login is refused with 401 too.
 * - Entities and queries (the same manual, "Entity CRUD" and "Query Options"):
 *   `POST /b1s/v1/Invoices` and `/CreditNotes` answer 201 Created with the created document
 *   (DocEntry, DocNum, ...); `GET /b1s/v1/Orders(DocEntry)` the document or 404 code -2028
 *   "No matching records found"; collections as `{"odata.metadata", "value": [...]}`, with
 *   `$filter=Field eq 'text'` (quotes doubled inside) and `$select`.
 * - Errors as `{"error": {"code": <number>, "message": {"lang": "en-us", "value": "..."}}}`;
 *   refused business data (an unknown CardCode or ItemCode, a quantity above what is open on the
 *   base line) is 400 with code -10, the DI API's business error.
 * - Marketing document fields as the Service Layer metadata names them (CardCode, DocDate,
 *   DocCurrency, NumAtCard, Comments, Cancelled, DocumentLines[].ItemCode, Quantity, UnitPrice,
 *   DiscountPercent, TaxCode, WarehouseCode, FreeText, BaseType, BaseEntry, BaseLine, LineNum,
 *   RemainingOpenQuantity), with the rules the connector relies on: a line copied from a base
 *   document (17 sales order, 13 A/R invoice) must name a line of that document of the same
 *   business partner and item, for no more than its open quantity, which the copy reduces;
 *   quantities are positive in invoices and credit memos alike; NumAtCard is not unique (the
 *   Service Layer would take the same reference twice, so a second create shows in `invoices`).
 *
 * Amounts (UnitPrice) are kept as the JSON number text the request carried, so a test sees
 * whether "12.50" arrived exactly. It counts documents, logins and every request, and can be told
 * to fail in the ways a real Service Layer does.
 */
export interface TestSapB1 {
  url: string;
  companyDb: string;
  userName: string;
  /** The password accepted now. */
  password: string;
  invoices: B1Doc[];
  creditNotes: B1Doc[];
  /** Sales orders by DocEntry. */
  orders: Map<number, B1Doc>;
  requests: { method: string; path: string; status: number }[];
  logins: number;
  businessPartners: Set<string>;
  items: Set<string>;
  taxCodes: Set<string>;
  /** The next create stores the document, then answers 500 (or never answers in time). */
  failAfterCreate(mode: "5xx" | "timeout"): void;
  /** The next request is refused with this status (429 or 503) and Retry-After (seconds). */
  rateLimitOnce(seconds: number, status?: 429 | 503): void;
  /** Every session ends, as after SessionTimeout minutes idle or a Service Layer restart. */
  expireSessions(): void;
  /** A sales order of `lines` (ItemCode, Quantity) for a business partner; returns its DocEntry. */
  addOrder(cardCode: string, lines: [string, number][]): number;
  close(): Promise<void>;
}

export type B1Line = Record<string, unknown> & { LineNum: number; ItemCode: string };
export type B1Doc = Record<string, unknown> & {
  DocEntry: number;
  DocNum: number;
  CardCode: string;
  DocumentLines: B1Line[];
};

const slError = (code: number, value: string) => ({
  error: { code, message: { lang: "en-us", value } },
});

/** Prices stay the JSON text they came as: "12.50", not 12.5. */
const EXACT = new Set(["UnitPrice", "Price", "LineTotal"]);

function parseBody(text: string): Record<string, unknown> {
  if (!text) return {};
  type Context = { source?: string };
  const reviver = (key: string, value: unknown, context?: Context) =>
    typeof value === "number" && EXACT.has(key) ? (context?.source ?? String(value)) : value;
  return JSON.parse(text, reviver) as Record<string, unknown>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** `Field eq 'text'`, the one filter the connector sends. */
function filterOf(filter: string | null): ((doc: B1Doc) => boolean) | "invalid" {
  if (filter === null) return () => true;
  const match = /^(\w+) eq '((?:[^']|'')*)'$/.exec(filter);
  if (!match) return "invalid";
  const [, field = "", quoted = ""] = match;
  const value = quoted.replaceAll("''", "'");
  return (doc) => doc[field] === value;
}

/** Starts the test Service Layer on a free port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestSapB1({ slowMs = 3_000 } = {}): Promise<TestSapB1> {
  let fault: "5xx" | "timeout" | null = null;
  let limit: { seconds: number; status: 429 | 503 } | null = null;
  let docEntry = 0;
  const docNums = { Invoices: 0, CreditNotes: 0, Orders: 0 };
  const sessions = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const sl = {
    companyDb: "SBODEMOGB",
    userName: "waybill",
    password: "b1-password-0",
    invoices: [] as B1Doc[],
    creditNotes: [] as B1Doc[],
    orders: new Map<number, B1Doc>(),
    requests: [] as TestSapB1["requests"],
    logins: 0,
    businessPartners: new Set<string>(),
    items: new Set<string>(),
    taxCodes: new Set<string>(),
  };
  let root = "";

  const baseOf = (type: unknown, entry: unknown): B1Doc | undefined =>
    type === 17
      ? sl.orders.get(Number(entry))
      : type === 13
        ? sl.invoices.find((doc) => doc.DocEntry === entry)
        : undefined;

  /** Validates and stores a document; the error answer when B1 would refuse it. */
  function create(entity: "Invoices" | "CreditNotes", doc: Record<string, unknown>) {
    const lines = Array.isArray(doc["DocumentLines"])
      ? (doc["DocumentLines"] as Record<string, unknown>[])
      : [];
    const cardCode = String(doc["CardCode"]);
    if (!sl.businessPartners.has(cardCode))
      return [400, slError(-10, `Invalid BP code '${cardCode}'`)] as const;
    if (lines.length === 0)
      return [400, slError(-5002, "Document must have at least one row")] as const;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(doc["DocDate"])))
      return [400, slError(-5002, `Invalid DocDate '${String(doc["DocDate"])}'`)] as const;
    const copies: { line: B1Line; quantity: number }[] = [];
    for (const [index, line] of lines.entries()) {
      const itemCode = String(line["ItemCode"]);
      if (!sl.items.has(itemCode))
        return [400, slError(-10, `Item '${itemCode}' not found`)] as const;
      if (!sl.taxCodes.has(String(line["TaxCode"])))
        return [400, slError(-10, `Invalid tax code '${String(line["TaxCode"])}'`)] as const;
      const quantity = line["Quantity"];
      if (typeof quantity !== "number" || !(quantity > 0))
        return [400, slError(-10, `Line ${index}: quantity must be positive`)] as const;
      if (!DECIMAL.test(String(line["UnitPrice"])))
        return [
          400,
          slError(-10, `Line ${index}: invalid UnitPrice ${String(line["UnitPrice"])}`),
        ] as const;
      if (line["BaseType"] === undefined) continue;
      const expected = entity === "Invoices" ? 17 : 13;
      const base = baseOf(line["BaseType"], line["BaseEntry"]);
      const baseLine = base?.DocumentLines.find((row) => row.LineNum === line["BaseLine"]);
      if (line["BaseType"] !== expected || !base || !baseLine)
        return [
          400,
          slError(
            -2028,
            `Line ${index}: base document ${JSON.stringify([line["BaseType"], line["BaseEntry"], line["BaseLine"]])} not found`,
          ),
        ] as const;
      if (base.CardCode !== cardCode || baseLine.ItemCode !== itemCode)
        return [
          400,
          slError(-10, `Line ${index}: base line does not match business partner or item`),
        ] as const;
      const open = Number(baseLine["RemainingOpenQuantity"]);
      if (quantity > open)
        return [
          400,
          slError(-10, `Line ${index}: quantity ${quantity} exceeds the open quantity ${open}`),
        ] as const;
      copies.push({ line: baseLine, quantity });
    }
    for (const { line, quantity } of copies)
      line["RemainingOpenQuantity"] = Number(line["RemainingOpenQuantity"]) - quantity;
    docEntry += 1;
    docNums[entity] += 1;
    const stored: B1Doc = {
      ...doc,
      DocEntry: docEntry,
      DocNum: docNums[entity],
      CardCode: cardCode,
      Cancelled: "tNO",
      DocumentLines: lines.map((line, index) => ({
        ...line,
        LineNum: index,
        ItemCode: String(line["ItemCode"]),
        RemainingOpenQuantity: line["Quantity"],
      })),
    };
    (entity === "Invoices" ? sl.invoices : sl.creditNotes).push(stored);
    return [201, { "odata.metadata": `${root}/$metadata#${entity}/@Element`, ...stored }] as const;
  }

  function list(entity: "Invoices" | "CreditNotes", url: URL): [number, unknown] {
    const filter = filterOf(url.searchParams.get("$filter"));
    if (filter === "invalid")
      return [400, slError(-1000, `Invalid $filter '${url.searchParams.get("$filter") ?? ""}'`)];
    const select = url.searchParams.get("$select")?.split(",");
    const docs = entity === "Invoices" ? sl.invoices : sl.creditNotes;
    return [
      200,
      {
        "odata.metadata": `${root}/$metadata#${entity}`,
        value: docs
          .filter(filter)
          .map((doc) =>
            select ? Object.fromEntries(select.map((field) => [field, doc[field]])) : doc,
          ),
      },
    ];
  }

  const cookiesOf = (req: IncomingMessage) =>
    new Map(
      (req.headers.cookie ?? "")
        .split(";")
        .map((pair) => pair.trim().split("=") as [string, string])
        .filter(([name]) => name),
    );

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sl");
    const path = decodeURIComponent(url.pathname);
    const answer = (status: number, body: unknown, headers: Record<string, string | string[]>) => {
      sl.requests.push({ method: req.method ?? "", path, status });
      res.writeHead(status, {
        "content-type": "application/json;odata=minimalmetadata",
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    const reply = (status: number, body: unknown) => answer(status, body, {});
    const text = await bodyOf(req);
    if (limit) {
      const { seconds, status } = limit;
      limit = null;
      return answer(status, slError(status, "Too many requests"), {
        "retry-after": String(seconds),
      });
    }
    if (req.method === "POST" && path === "/b1s/v1/Login") {
      const body = parseBody(text);
      if (
        body["CompanyDB"] !== sl.companyDb ||
        body["UserName"] !== sl.userName ||
        body["Password"] !== sl.password
      )
        return reply(401, slError(-304, "Login failed"));
      sl.logins += 1;
      const id = randomUUID();
      sessions.add(id);
      return answer(
        200,
        {
          "odata.metadata": `${root}/$metadata#B1Sessions/@Element`,
          SessionId: id,
          Version: "1000190",
          SessionTimeout: 30,
        },
        { "set-cookie": [`B1SESSION=${id}; HttpOnly;`, "ROUTEID=.node1; path=/b1s"] },
      );
    }
    const cookies = cookiesOf(req);
    if (!sessions.has(cookies.get("B1SESSION") ?? "") || cookies.get("ROUTEID") !== ".node1")
      return reply(401, slError(301, "Invalid session."));
    const collection = /^\/b1s\/v1\/(Invoices|CreditNotes)$/.exec(path);
    if (req.method === "GET" && collection) {
      const [status, body] = list(collection[1] as "Invoices" | "CreditNotes", url);
      return reply(status, body);
    }
    const one = /^\/b1s\/v1\/(Orders|Invoices|CreditNotes)\((\d+)\)$/.exec(path);
    if (req.method === "GET" && one) {
      const entry = Number(one[2]);
      const doc =
        one[1] === "Orders"
          ? sl.orders.get(entry)
          : (one[1] === "Invoices" ? sl.invoices : sl.creditNotes).find(
              (candidate) => candidate.DocEntry === entry,
            );
      return doc
        ? reply(200, { "odata.metadata": `${root}/$metadata#${one[1] ?? ""}/@Element`, ...doc })
        : reply(404, slError(-2028, "No matching records found (ODBC -2028)"));
    }
    if (req.method === "POST" && collection) {
      const [status, body] = create(collection[1] as "Invoices" | "CreditNotes", parseBody(text));
      if (status === 201 && fault) {
        const mode = fault;
        fault = null;
        if (mode === "5xx") return reply(500, slError(-1, "Internal server error"));
        // Created and committed, but the answer comes too late for the caller.
        const timer = setTimeout(() => {
          timers.delete(timer);
          reply(status, body);
        }, slowMs);
        timers.add(timer);
        return;
      }
      return reply(status, body);
    }
    reply(404, slError(-1, `Resource not found for the segment '${path}'`));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(slError(-1, String(error))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  root = `${url}/b1s/v1`;
  return Object.assign(sl, {
    url,
    failAfterCreate: (mode: "5xx" | "timeout") => {
      fault = mode;
    },
    rateLimitOnce: (seconds: number, status: 429 | 503 = 429) => {
      limit = { seconds, status };
    },
    expireSessions: () => {
      sessions.clear();
    },
    addOrder: (cardCode: string, lines: [string, number][]) => {
      docEntry += 1;
      docNums.Orders += 1;
      sl.orders.set(docEntry, {
        DocEntry: docEntry,
        DocNum: docNums.Orders,
        CardCode: cardCode,
        DocumentLines: lines.map(([itemCode, quantity], index) => ({
          LineNum: index,
          ItemCode: itemCode,
          Quantity: quantity,
          RemainingOpenQuantity: quantity,
        })),
      });
      return docEntry;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
