import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A store's REST API as Adobe Commerce documents it (developer.adobe.com/commerce/webapi/rest),
 * for the calls the connector makes:
 *
 * - Auth (rest/use-rest/authentication-overview, "Integration tokens"): `Authorization: Bearer
 *   <access token>`; a wrong token is 401 `{"message":"The consumer isn't authorized to access
 *   %resources.","parameters":{"resources":"..."}}`. Errors are `{ message, parameters }` with
 *   `%1`/`%name` placeholders (rest/use-rest/error-codes); an unknown entity is 404.
 * - Searches (rest/use-rest/performing-searches): `searchCriteria[filter_groups][i][filters][j]
 *   [field|value|condition_type]` (groups ANDed, a group's filters ORed; eq, gt, gteq, in),
 *   `[sortOrders][k][field|direction]`, `[pageSize]`, `[currentPage]` (1-based; a page past the
 *   end answers the last page again, as the collection does). Answers `{ items, search_criteria,
 *   total_count }`: `GET /V1/orders` (OrderInterface with `items`), `GET /V1/shipments` (with
 *   `tracks`), `GET /V1/creditmemos` (with `comments`).
 * - `POST /V1/order/{orderId}/ship` (tutorials/orders/order-create-shipment): `items
 *   [{order_item_id, qty}]`, `tracks [{track_number, title, carrier_code}]`, `notify`,
 *   `arguments.extension_attributes.source_code`; answers the shipment id. More than is left to
 *   ship is 400 "Shipment Document Validation Error(s)".
 * - `POST /V1/order/{orderId}/refund` (tutorials/orders/order-issue-refund): an offline credit
 *   memo of `items [{order_item_id, qty}]` with `comment`, `arguments { shipping_amount,
 *   adjustment_positive, adjustment_negative, extension_attributes.return_to_stock_items }`;
 *   every unit of a listed item goes back to stock. Answers the credit memo id; more than is
 *   invoiced and not refunded is 400 "Creditmemo Document Validation Error(s)".
 * - `POST /V1/inventory/source-items` (MSI, rest/modules/inventory/manage-source-items):
 *   `{ sourceItems: [{ sku, source_code, quantity, status }] }`, answered `[]`.
 *
 * It counts what it took, and fails as a store behind a proxy can: after the effect with a 502
 * or no answer in time, and 429 with `Retry-After`.
 */
export interface TestMagento {
  url: string;
  token: string;
  orders: MagentoOrder[];
  shipments: Shipment[];
  creditMemos: CreditMemo[];
  /** `quantity` per `sku@source_code`, as the source-items calls left it. */
  sourceItems: Map<string, { quantity: number; status: number }>;
  /** Units put back into stock by credit memos, per SKU. */
  returnedToStock: Map<string, number>;
  requests: { method: string; path: string; status: number; at: number }[];
  /** An order of the store (invoiced, processing); returns its entity id. */
  addOrder(order: NewOrder): MagentoOrder;
  /** Changes an order as the store would: its state, and `updated_at`. */
  update(incrementId: string, changes: { state?: string; updated_at: string }): void;
  /** The next POST takes effect, then is answered 502 (or not in time). */
  failAfterEffect(mode: "5xx" | "timeout"): void;
  /** The next `count` requests are answered 429 with `Retry-After: seconds`. */
  throttle(count: number, seconds: number): void;
  close(): Promise<void>;
}

type NewOrder = {
  increment_id: string;
  updated_at: string;
  email?: string;
  currency?: string;
  items: { sku: string; qty: number; price: number; tax_percent?: number }[];
};
type Item = {
  item_id: number;
  sku: string;
  qty_ordered: number;
  qty_invoiced: number;
  qty_shipped: number;
  qty_refunded: number;
  price: number;
  tax_percent: number;
  discount_amount: number;
  product_type: string;
};
export type MagentoOrder = {
  entity_id: number;
  increment_id: string;
  state: string;
  status: string;
  created_at: string;
  updated_at: string;
  order_currency_code: string;
  customer_email: string;
  customer_firstname: string;
  customer_lastname: string;
  items: Item[];
};
type Shipment = {
  entity_id: number;
  order_id: number;
  items: { order_item_id: number; qty: number }[];
  tracks: { track_number: string; title: string; carrier_code: string }[];
  source_code: string | null;
};
type CreditMemo = {
  entity_id: number;
  order_id: number;
  items: { order_item_id: number; qty: number }[];
  comments: { comment: string }[];
  return_to_stock_items: number[];
  shipping_amount: string;
  adjustment_positive: string;
};

type Filter = { field: string; value: string; condition_type?: string };
type Criteria = {
  filter_groups?: { filters?: Filter[] }[];
  sortOrders?: { field: string; direction?: string }[];
  pageSize?: string;
  currentPage?: string;
};

/** `a[b][0][c]=v` query keys as nested objects (arrays kept as index-keyed objects). */
function nested(query: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of query) {
    const path = key.replace(/\]/g, "").split("[");
    let node = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return root;
}
const list = <T>(value: unknown): T[] =>
  value && typeof value === "object" ? (Object.values(value) as T[]) : [];

const compare = (a: unknown, b: string): number =>
  typeof a === "number" ? a - Number(b) : String(a) < b ? -1 : String(a) > b ? 1 : 0;

function matches(item: Record<string, unknown>, filter: Filter): boolean {
  const value = item[filter.field];
  switch (filter.condition_type ?? "eq") {
    case "eq":
      return compare(value, filter.value) === 0;
    case "gt":
      return compare(value, filter.value) > 0;
    case "gteq":
      return compare(value, filter.value) >= 0;
    case "in":
      return filter.value.split(",").some((one) => compare(value, one) === 0);
    default:
      throw new Error(`condition_type ${filter.condition_type} is not answered here`);
  }
}

/** A `getList` over `all` as the searchCriteria in `query` asks. */
function search<T extends object>(all: readonly T[], query: URLSearchParams) {
  const criteria = (nested(query)["searchCriteria"] ?? {}) as Criteria;
  const groups = list<{ filters?: Filter[] }>(criteria.filter_groups).map((group) =>
    list<Filter>(group.filters),
  );
  const found = all.filter((item) =>
    groups.every((filters) =>
      filters.some((filter) => matches(item as Record<string, unknown>, filter)),
    ),
  );
  const orders = list<{ field: string; direction?: string }>(criteria.sortOrders);
  found.sort((a, b) => {
    for (const order of orders) {
      const left = (a as Record<string, unknown>)[order.field];
      const right = (b as Record<string, unknown>)[order.field];
      const sign = order.direction === "DESC" ? -1 : 1;
      const diff = compare(left, String(right));
      if (diff !== 0) return sign * diff;
    }
    return 0;
  });
  const pageSize = criteria.pageSize ? Number(criteria.pageSize) : found.length || 1;
  const pages = Math.max(1, Math.ceil(found.length / pageSize));
  const page = Math.min(Number(criteria.currentPage ?? 1), pages);
  return {
    items: found.slice((page - 1) * pageSize, page * pageSize),
    search_criteria: criteria,
    total_count: found.length,
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

class MagentoError extends Error {
  readonly status: number;
  readonly parameters: string[] | Record<string, string>;

  constructor(status: number, message: string, parameters: string[] | Record<string, string> = []) {
    super(message);
    this.status = status;
    this.parameters = parameters;
  }
}

const NO_ENTITY = "The entity that was requested doesn't exist. Verify the entity and try again.";

export async function startTestMagento({ slowMs = 1_500 } = {}): Promise<TestMagento> {
  const token = "magento-integration-token-0123456789";
  let nextId = 1;
  let fault: "5xx" | "timeout" | null = null;
  let throttled = { count: 0, seconds: 1 };
  const state: Omit<
    TestMagento,
    "url" | "close" | "addOrder" | "update" | "failAfterEffect" | "throttle"
  > & {
    token: string;
  } = {
    token,
    orders: [],
    shipments: [],
    creditMemos: [],
    sourceItems: new Map(),
    returnedToStock: new Map(),
    requests: [],
  };

  const orderOf = (id: string) => {
    const order = state.orders.find((candidate) => candidate.entity_id === Number(id));
    if (!order) throw new MagentoError(404, NO_ENTITY);
    return order;
  };
  const itemOf = (order: MagentoOrder, id: unknown) => {
    const item = order.items.find((candidate) => candidate.item_id === Number(id));
    if (!item) throw new MagentoError(404, NO_ENTITY);
    return item;
  };

  function ship(order: MagentoOrder, body: Record<string, unknown>): number {
    const items = (body["items"] ?? []) as { order_item_id: number; qty: number }[];
    for (const line of items) {
      const item = itemOf(order, line.order_item_id);
      if (line.qty > item.qty_ordered - item.qty_shipped)
        throw new MagentoError(
          400,
          "Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.",
        );
    }
    for (const line of items) itemOf(order, line.order_item_id).qty_shipped += line.qty;
    const args = body["arguments"] as
      { extension_attributes?: { source_code?: string } } | undefined;
    const shipment: Shipment = {
      entity_id: nextId++,
      order_id: order.entity_id,
      items,
      tracks: (body["tracks"] ?? []) as Shipment["tracks"],
      source_code: args?.extension_attributes?.source_code ?? null,
    };
    state.shipments.push(shipment);
    return shipment.entity_id;
  }

  function refund(order: MagentoOrder, body: Record<string, unknown>): number {
    const items = (body["items"] ?? []) as { order_item_id: number; qty: number }[];
    for (const line of items) {
      const item = itemOf(order, line.order_item_id);
      if (line.qty > item.qty_invoiced - item.qty_refunded)
        throw new MagentoError(
          400,
          "Creditmemo Document Validation Error(s):\nThe quantity to creditmemo must not be greater than the unrefunded quantity.",
        );
    }
    const args = (body["arguments"] ?? {}) as {
      shipping_amount?: string;
      adjustment_positive?: string;
      extension_attributes?: { return_to_stock_items?: number[] };
    };
    const toStock = args.extension_attributes?.return_to_stock_items ?? [];
    for (const line of items) {
      const item = itemOf(order, line.order_item_id);
      item.qty_refunded += line.qty;
      if (toStock.includes(item.item_id))
        state.returnedToStock.set(item.sku, (state.returnedToStock.get(item.sku) ?? 0) + line.qty);
    }
    const comment = (body["comment"] as { comment?: string } | undefined)?.comment;
    const memo: CreditMemo = {
      entity_id: nextId++,
      order_id: order.entity_id,
      items,
      comments: comment ? [{ comment }] : [],
      return_to_stock_items: toStock,
      shipping_amount: String(args.shipping_amount ?? ""),
      adjustment_positive: String(args.adjustment_positive ?? ""),
    };
    state.creditMemos.push(memo);
    return memo.entity_id;
  }

  function route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ) {
    if (method === "GET" && path === "/rest/V1/orders") return search(state.orders, query);
    if (method === "GET" && path === "/rest/V1/shipments") return search(state.shipments, query);
    if (method === "GET" && path === "/rest/V1/creditmemos")
      return search(state.creditMemos, query);
    const shipMatch = /^\/rest\/V1\/order\/(\d+)\/(ship|refund)$/.exec(path);
    if (method === "POST" && shipMatch) {
      const order = orderOf(shipMatch[1] ?? "");
      return shipMatch[2] === "ship" ? ship(order, body) : refund(order, body);
    }
    if (method === "POST" && path === "/rest/V1/inventory/source-items") {
      const items = (body["sourceItems"] ?? []) as {
        sku: string;
        source_code: string;
        quantity: number;
        status: number;
      }[];
      for (const item of items)
        state.sourceItems.set(`${item.sku}@${item.source_code}`, {
          quantity: item.quantity,
          status: item.status,
        });
      return [];
    }
    throw new MagentoError(404, "Request does not match any route.");
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const method = req.method ?? "GET";
      const log = (status: number) =>
        state.requests.push({ method, path: url.pathname, status, at: Date.now() });
      if (req.headers.authorization !== `Bearer ${token}`) {
        log(401);
        return send(res, 401, {
          message: "The consumer isn't authorized to access %resources.",
          parameters: { resources: "Magento_Sales::sales" },
        });
      }
      if (throttled.count > 0) {
        throttled.count -= 1;
        log(429);
        return send(
          res,
          429,
          { message: "Too Many Requests" },
          { "retry-after": String(throttled.seconds) },
        );
      }
      try {
        const body = method === "POST" ? await readBody(req) : {};
        const answer = route(method, url.pathname, url.searchParams, body);
        const failing = method === "POST" ? fault : null;
        if (failing) fault = null;
        if (failing === "timeout") {
          // Taken now; the answer comes after the client has given up.
          log(200);
          await sleep(slowMs);
          return send(res, 200, answer);
        }
        if (failing === "5xx") {
          log(502);
          res.writeHead(502, { "content-type": "text/html" });
          return res.end("<html><body>502 Bad Gateway</body></html>");
        }
        log(200);
        send(res, 200, answer);
      } catch (error) {
        if (!(error instanceof MagentoError)) throw error;
        log(error.status);
        send(res, error.status, { message: error.message, parameters: error.parameters });
      }
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    ...state,
    url: `http://127.0.0.1:${port}`,
    addOrder(order) {
      const created: MagentoOrder = {
        entity_id: nextId++,
        increment_id: order.increment_id,
        state: "processing",
        status: "processing",
        created_at: order.updated_at,
        updated_at: order.updated_at,
        order_currency_code: order.currency ?? "EUR",
        customer_email: order.email ?? `${order.increment_id}@example.com`,
        customer_firstname: "Magento",
        customer_lastname: "Customer",
        items: order.items.map((item) => ({
          item_id: nextId++,
          sku: item.sku,
          qty_ordered: item.qty,
          qty_invoiced: item.qty,
          qty_shipped: 0,
          qty_refunded: 0,
          price: item.price,
          tax_percent: item.tax_percent ?? 20,
          discount_amount: 0,
          product_type: "simple",
        })),
      };
      state.orders.push(created);
      return created;
    },
    update(incrementId, changes) {
      const order = state.orders.find((candidate) => candidate.increment_id === incrementId);
      if (!order) throw new Error(`no order ${incrementId}`);
      if (changes.state) Object.assign(order, { state: changes.state, status: changes.state });
      order.updated_at = changes.updated_at;
    },
    failAfterEffect(mode) {
      fault = mode;
    },
    throttle(count, seconds) {
      throttled = { count, seconds };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
