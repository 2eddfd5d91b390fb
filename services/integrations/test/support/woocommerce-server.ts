import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { formatAmount, parseAmount, parseTaxRate, taxOn } from "@waybill/contracts";

/**
 * A WooCommerce store's REST API v3 as WooCommerce documents it
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/), for what the connector sends and
 * the webhooks the store posts:
 *
 * - Authentication ("Authentication over HTTPS"): the consumer key and secret as HTTP Basic auth,
 *   or as `consumer_key`/`consumer_secret` query parameters; a wrong key is answered 401
 *   `{"code":"woocommerce_rest_authentication_error","message":"Consumer key is invalid.",
 *   "data":{"status":401}}`. Every error has that `{ code, message, data: { status } }` shape
 *   ("Errors").
 * - Orders ("Orders": retrieve, update): `GET /wp-json/wc/v3/orders/{id}` and `PUT` with
 *   `{ status }`; an unknown id is 404 `woocommerce_rest_shop_order_invalid_id` "Invalid ID.".
 * - Order notes ("Order notes": create, list): `POST /orders/{id}/notes` with `{ note,
 *   customer_note }` answered 201 with `{ id, author, date_created, note, customer_note,
 *   added_by_user }`; `GET` lists them, `type=customer|internal|any`.
 * - Refunds ("Order refunds": create, list): `POST /orders/{id}/refunds` with `amount` (a string;
 *   it takes precedence over the line totals), `reason`, `api_refund`, `api_restock` (both default
 *   true) and `line_items [{ id, quantity, refund_total, refund_tax [{ id, refund_total }] }]`;
 *   an amount beyond what is left to refund is 400 `woocommerce_rest_cannot_create_order_refund`
 *   "Invalid refund amount.". `api_restock` puts every refunded quantity back into the product's
 *   stock (wc_create_refund's `restock_items`).
 * - Products ("Products: batch update", "Product variations: batch update"): `POST
 *   /products/batch` and `/products/{id}/variations/batch` with `{ update: [{ id, stock_quantity,
 *   manage_stock }] }`, answered `{ update: [...] }` with an `error` object on the items it could
 *   not update; more than 100 objects is 413 `woocommerce_rest_request_entity_too_large`
 *   ("Batch operations are limited to 100 objects per request").
 * - Webhooks ("Webhooks", delivery): a JSON POST of the resource with `X-WC-Webhook-Source`,
 *   `-Topic`, `-Resource`, `-Event`, `-ID`, `-Delivery-ID` and `-Signature`, the base64
 *   HMAC-SHA256 of the body under the webhook's secret; saving a webhook pings its URL with the
 *   unsigned form body `webhook_id={id}`.
 *
 * WooCommerce itself answers no 429 on the REST API v3; hosts and proxies in front of it do, so a
 * 429 with Retry-After is a fault the tests inject, like a 5xx or a slow answer after the effect.
 */

type TaxEntry = { id: number; total: string; subtotal: string };
export type TestLineItem = {
  id: number;
  name: string;
  sku: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  price: string;
  subtotal: string;
  subtotal_tax: string;
  total: string;
  total_tax: string;
  taxes: TaxEntry[];
};
type TestOrder = {
  id: number;
  number: string;
  status: string;
  currency: string;
  date_paid: string | null;
  total: string;
  billing: { first_name: string; last_name: string; email: string };
  line_items: TestLineItem[];
  tax_lines: {
    id: number;
    rate_id: number;
    rate_code: string;
    label: string;
    rate_percent: number;
  }[];
};
export type TestNote = {
  id: number;
  orderId: number;
  author: string;
  date_created: string;
  note: string;
  customer_note: boolean;
  added_by_user: boolean;
};
export type TestRefund = {
  id: number;
  orderId: number;
  amount: string;
  reason: string;
  api_refund: boolean;
  api_restock: boolean;
  line_items: { id: number; quantity: number; refund_total: string; refund_tax: unknown }[];
};
type Request = {
  method: string;
  path: string;
  status: number;
  at: number;
  /** How the keys came: an Authorization header, query parameters, or not at all. */
  auth: "basic" | "query" | "none";
};
type Fault = "5xx" | "timeout";

const TAX_RATE_ID = 72;

export interface TestWoocommerce {
  url: string;
  consumerKey: string;
  consumerSecret: string;
  /** Every request, in order, with what it was answered (0: no answer, the client timed out). */
  requests: Request[];
  notes: TestNote[];
  refunds: TestRefund[];
  /** Product or variation id → stock_quantity, as batches and restocks left it. */
  stock: Map<number, number>;
  /** The batch requests received, with how many updates each carried. */
  batches: { path: string; size: number }[];
  /** A paid order of net unit prices taxed at `taxRate` percent; returns its id. */
  addOrder(order: {
    id: number;
    email: string;
    currency?: string;
    status?: string;
    lines: { sku: string; quantity: number; price: string; taxRate: string; product: number }[];
  }): number;
  order(id: number): TestOrder | undefined;
  /** The order's webhook body and headers as the store delivers `topic`, signed with `secret`. */
  webhook(
    id: number,
    topic: "order.created" | "order.updated",
    secret: string,
  ): { body: string; headers: Record<string, string> };
  /**
   * The next note, refund, status or batch request (of a path `only` matches, when given) takes
   * effect, then is answered 502 or late.
   */
  failAfterEffect(mode: Fault, only?: RegExp): void;
  /** The next request is answered 429 with Retry-After, and does nothing. */
  throttleNext(retryAfterSeconds: number): void;
  close(): Promise<void>;
}

/** A note as the API shows it (without the order it belongs to, which the path tells). */
const noteAnswer = (note: TestNote) => ({
  id: note.id,
  author: note.author,
  date_created: note.date_created,
  note: note.note,
  customer_note: note.customer_note,
  added_by_user: note.added_by_user,
});

const error = (status: number, code: string, message: string) => ({
  status,
  body: { code, message, data: { status } },
});

/** Starts the test store on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestWoocommerce({
  slowMs = 1_500,
}: { slowMs?: number } = {}): Promise<TestWoocommerce> {
  const consumerKey = "ck_0123456789abcdef0123456789abcdef01234567";
  const consumerSecret = "cs_76543210fedcba9876543210fedcba9876543210";
  const orders = new Map<number, TestOrder>();
  const timers = new Set<NodeJS.Timeout>();
  let next = 9_000;
  let fault: { mode: Fault; only: RegExp | undefined } | null = null;
  let throttle: number | null = null;
  const store = {
    requests: [] as Request[],
    notes: [] as TestNote[],
    refunds: [] as TestRefund[],
    stock: new Map<number, number>(),
    batches: [] as { path: string; size: number }[],
  };

  function authorised(req: IncomingMessage, url: URL): boolean {
    const header = req.headers.authorization ?? "";
    if (header.startsWith("Basic ")) {
      const [key, secret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
      return key === consumerKey && secret === consumerSecret;
    }
    return (
      url.searchParams.get("consumer_key") === consumerKey &&
      url.searchParams.get("consumer_secret") === consumerSecret
    );
  }

  const refundedMinor = (order: TestOrder) =>
    store.refunds
      .filter((refund) => refund.orderId === order.id)
      .reduce((sum, refund) => sum + parseAmount(refund.amount, order.currency), 0);

  function createRefund(order: TestOrder, body: Record<string, unknown>) {
    const amount = typeof body["amount"] === "string" ? body["amount"] : "";
    let minor: number;
    try {
      minor = parseAmount(amount, order.currency);
    } catch {
      return error(
        400,
        "woocommerce_rest_invalid_order_refund",
        "Refund amount must be greater than zero.",
      );
    }
    const left = parseAmount(order.total, order.currency) - refundedMinor(order);
    if (minor <= 0 || minor > left)
      return error(400, "woocommerce_rest_cannot_create_order_refund", "Invalid refund amount.");
    const lines = (body["line_items"] ?? []) as TestRefund["line_items"];
    for (const line of lines)
      if (!order.line_items.some((item) => item.id === line.id))
        return error(400, "woocommerce_rest_cannot_create_order_refund", "Invalid line item.");
    const refund: TestRefund = {
      id: (next += 1),
      orderId: order.id,
      amount,
      reason: typeof body["reason"] === "string" ? body["reason"] : "",
      api_refund: body["api_refund"] !== false,
      api_restock: body["api_restock"] !== false,
      line_items: lines,
    };
    store.refunds.push(refund);
    if (refund.api_restock)
      for (const line of lines) {
        const item = order.line_items.find((candidate) => candidate.id === line.id);
        const id = item?.variation_id || item?.product_id || 0;
        store.stock.set(id, (store.stock.get(id) ?? 0) + line.quantity);
      }
    return { status: 201, body: { ...refund, refunded_payment: refund.api_refund } };
  }

  function batch(path: string, body: Record<string, unknown>) {
    const updates = (body["update"] ?? []) as { id: number; stock_quantity?: number }[];
    if (updates.length > 100)
      return error(
        413,
        "woocommerce_rest_request_entity_too_large",
        "Unable to accept more than 100 items for this request.",
      );
    store.batches.push({ path, size: updates.length });
    return {
      status: 200,
      body: {
        update: updates.map((update) => {
          if (!Number.isInteger(update.id) || update.id <= 0)
            return {
              id: update.id,
              error: {
                code: "woocommerce_rest_product_invalid_id",
                message: "Invalid ID.",
                data: { status: 400 },
              },
            };
          if (update.stock_quantity !== undefined)
            store.stock.set(update.id, update.stock_quantity);
          return { id: update.id, manage_stock: true, stock_quantity: update.stock_quantity };
        }),
      },
    };
  }

  /** What a request does and answers. */
  function route(
    method: string,
    path: string,
    url: URL,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    const products = /^\/products(?:\/(\d+)\/variations)?\/batch$/.exec(path);
    if (products && method === "POST") return batch(path, body);
    const match = /^\/orders\/(\d+)(\/notes|\/refunds)?$/.exec(path);
    const order = match ? orders.get(Number(match[1])) : undefined;
    if (!match)
      return error(404, "rest_no_route", "No route was found matching the URL and request method.");
    if (!order) return error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
    const sub = match[2];
    if (!sub && method === "GET") return { status: 200, body: order };
    if (!sub && method === "PUT") {
      if (typeof body["status"] === "string") order.status = body["status"];
      return { status: 200, body: order };
    }
    if (sub === "/notes" && method === "GET") {
      const type = url.searchParams.get("type") ?? "any";
      const notes = store.notes
        .filter((note) => note.orderId === order.id)
        .filter((note) => type === "any" || note.customer_note === (type === "customer"))
        .reverse()
        .map(noteAnswer);
      return { status: 200, body: notes };
    }
    if (sub === "/notes" && method === "POST") {
      if (typeof body["note"] !== "string" || !body["note"])
        return error(400, "rest_missing_callback_param", "Missing parameter(s): note");
      const note: TestNote = {
        id: (next += 1),
        orderId: order.id,
        author: "WooCommerce",
        date_created: new Date().toISOString().slice(0, 19),
        note: body["note"],
        customer_note: body["customer_note"] === true,
        added_by_user: false,
      };
      store.notes.push(note);
      return { status: 201, body: noteAnswer(note) };
    }
    if (sub === "/refunds" && method === "GET")
      return {
        status: 200,
        body: store.refunds.filter((refund) => refund.orderId === order.id).reverse(),
      };
    if (sub === "/refunds" && method === "POST") return createRefund(order, body);
    return error(404, "rest_no_route", "No route was found matching the URL and request method.");
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://store.test");
    const path = url.pathname.replace(/^\/wp-json\/wc\/v3/, "");
    const method = req.method ?? "GET";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const auth = req.headers.authorization
      ? "basic"
      : url.searchParams.has("consumer_key")
        ? "query"
        : "none";
    const record = (status: number) =>
      store.requests.push({ method, path, status, at: Date.now(), auth });
    if (!authorised(req, url)) {
      record(401);
      const refused = error(
        401,
        "woocommerce_rest_authentication_error",
        "Consumer key is invalid.",
      );
      return send(res, refused.status, refused.body);
    }
    if (throttle !== null) {
      const wait = throttle;
      throttle = null;
      record(429);
      res.setHeader("retry-after", String(wait));
      return send(res, 429, {
        code: "too_many_requests",
        message: "Too many requests.",
        data: { status: 429 },
      });
    }
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      record(400);
      return send(res, 400, {
        code: "rest_invalid_json",
        message: "Invalid JSON body passed.",
        data: { status: 400 },
      });
    }
    const answer = route(method, path, url, body);
    if (method !== "GET" && answer.status < 300 && fault && (fault.only?.test(path) ?? true)) {
      const { mode } = fault;
      fault = null;
      record(mode === "5xx" ? 502 : 0);
      if (mode === "5xx")
        return send(res, 502, {
          code: "bad_gateway",
          message: "Bad Gateway",
          data: { status: 502 },
        });
      const timer = setTimeout(() => send(res, answer.status, answer.body), slowMs);
      timers.add(timer);
      return undefined;
    }
    record(answer.status);
    return send(res, answer.status, answer.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((thrown: unknown) =>
      send(res, 500, {
        code: "internal_server_error",
        message: String(thrown),
        data: { status: 500 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return Object.assign(store, {
    url,
    consumerKey,
    consumerSecret,
    addOrder({
      id,
      email,
      currency = "EUR",
      status = "processing",
      lines,
    }: Parameters<TestWoocommerce["addOrder"]>[0]) {
      let total = 0;
      const rates = new Map<string, number>();
      const lineItems = lines.map((line): TestLineItem => {
        const net = parseAmount(line.price, currency) * line.quantity;
        const tax = taxOn(net, parseTaxRate(line.taxRate));
        total += net + tax;
        const rateId = rates.get(line.taxRate) ?? TAX_RATE_ID + rates.size;
        rates.set(line.taxRate, rateId);
        const taxText = formatAmount(tax, currency);
        return {
          id: (next += 1),
          name: line.sku,
          sku: line.sku,
          product_id: line.product,
          variation_id: 0,
          quantity: line.quantity,
          price: line.price,
          subtotal: formatAmount(net, currency),
          subtotal_tax: taxText,
          total: formatAmount(net, currency),
          total_tax: taxText,
          taxes: tax === 0 ? [] : [{ id: rateId, total: taxText, subtotal: taxText }],
        };
      });
      orders.set(id, {
        id,
        number: String(id),
        status,
        currency,
        date_paid: status === "pending" ? null : "2026-12-03T09:00:00",
        total: formatAmount(total, currency),
        billing: { first_name: "Wendy", last_name: "Woo", email },
        line_items: lineItems,
        tax_lines: [...rates].map(([rate, rateId]) => ({
          id: (next += 1),
          rate_id: rateId,
          rate_code: `VAT-${rate}`,
          label: "VAT",
          rate_percent: Number(rate),
        })),
      });
      return id;
    },
    order: (id: number) => orders.get(id),
    webhook(id: number, topic: "order.created" | "order.updated", secret: string) {
      const order = orders.get(id);
      if (!order) throw new Error(`no order ${id}`);
      const body = JSON.stringify(order);
      return {
        body,
        headers: {
          "content-type": "application/json",
          "user-agent": "WooCommerce/9.4.0 Hookshot (WordPress/6.7)",
          "x-wc-webhook-source": `${url}/`,
          "x-wc-webhook-topic": topic,
          "x-wc-webhook-resource": "order",
          "x-wc-webhook-event": topic.split(".")[1] ?? "",
          "x-wc-webhook-id": "14",
          "x-wc-webhook-delivery-id": String((next += 1)),
          "x-wc-webhook-signature": createHmac("sha256", secret).update(body).digest("base64"),
        },
      };
    },
    failAfterEffect(mode: Fault, only?: RegExp) {
      fault = { mode, only };
    },
    throttleNext(retryAfterSeconds: number) {
      throttle = retryAfterSeconds;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
