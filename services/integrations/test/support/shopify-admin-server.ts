import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";

/**
 * A shop's GraphQL Admin API as Shopify documents it, for the operations the connector sends:
 *
 * - Endpoint and auth (https://shopify.dev/docs/api/admin-graphql, "Authentication"):
 *   `POST /admin/api/{version}/graphql.json` with `{ query, variables }` and the custom app's
 *   token in `X-Shopify-Access-Token`; a wrong token is answered 401 with
 *   `{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}`.
 * - Answers `{ data, errors, extensions: { cost } }`; a field the schema lacks is an `errors`
 *   entry. Rate limits (https://shopify.dev/docs/api/usage/limits): a leaky bucket of cost points
 *   (`maximumAvailable`, `currentlyAvailable`, `restoreRate` per second) reported in
 *   `extensions.cost.throttleStatus` with `requestedQueryCost` and `actualQueryCost`; a request
 *   whose requested cost exceeds what the bucket holds is answered 200 with
 *   `errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }]` and
 *   `actualQueryCost: null`, and nothing is done.
 * - `order(id)` with `lineItems`, `fulfillmentOrders { nodes { id status lineItems { nodes { id
 *   remainingQuantity lineItem } } } }`, `fulfillments { trackingInfo { number company url } }`,
 *   `refunds { id note }` and `transactions { id kind status gateway amountSet { shopMoney {
 *   amount currencyCode } } parentTransaction { id } }` (objects/Order, objects/FulfillmentOrder,
 *   objects/OrderTransaction: kinds SALE, CAPTURE, AUTHORIZATION, REFUND; status SUCCESS).
 * - `fulfillment(id)` with `events(first:) { nodes { id status happenedAt } }` (objects/Fulfillment),
 *   and `fulfillmentEventCreate(fulfillmentEvent: FulfillmentEventInput!)`
 *   (mutations/fulfillmentEventCreate): a status of FulfillmentEventStatus on a fulfilment, else
 *   userErrors.
 * - `fulfillmentCreate(fulfillment: FulfillmentInput!)` (mutations/fulfillmentCreate):
 *   `lineItemsByFulfillmentOrder [{ fulfillmentOrderId, fulfillmentOrderLineItems [{ id,
 *   quantity }] }]`, `trackingInfo { number company url }`, `notifyCustomer`; quantities beyond a
 *   line's `remainingQuantity` or a closed fulfilment order are `userErrors { field message }`.
 * - `refundCreate(input: RefundInput!)` with `@idempotent(key:)` (mutations/refundCreate and
 *   https://shopify.dev/docs/api/usage/idempotent-requests): `orderId`, `note`, `notify`,
 *   `refundLineItems [{ lineItemId, quantity, restockType, locationId }]` (input-objects/
 *   RefundLineItemInput: RETURN restocks at `locationId`, NO_RESTOCK does not, CANCEL before
 *   fulfilment) and `transactions [{ orderId, kind: REFUND, gateway, parentId, amount }]`
 *   (input-objects/OrderTransactionInput: the parent a SALE or CAPTURE of the order, on its
 *   gateway, refunding no more than it took less its earlier refunds); each becomes a REFUND
 *   transaction of the order. The same key answers the first refund again instead of refunding
 *   twice.
 * - `inventorySetQuantities(input: InventorySetQuantitiesInput!)` (mutations/
 *   inventorySetQuantities): `name` available or on_hand, `reason`, `quantities [{
 *   inventoryItemId, locationId, quantity, changeFromQuantity }]`, and the compare check unless
 *   `ignoreCompareQuantity` or an explicit `changeFromQuantity: null`.
 *
 * It counts fulfilments, refunds and inventory sets, and fails as a shop can: after the effect
 * with a 5xx or no answer in time, or throttled by an empty bucket.
 */
export interface TestShopify {
  /** The shop's URL, as SHOPIFY_SHOP_URL takes it. */
  url: string;
  version: string;
  token: string;
  fulfillments: Fulfillment[];
  refunds: Refund[];
  /** Units refunds put back into stock (restockType RETURN), per refund line. */
  restocks: { lineItemId: string; quantity: number; locationId: string }[];
  /** Each inventorySetQuantities call taken, with its quantities. */
  inventorySets: { quantities: Quantity[] }[];
  /** `available` per `inventoryItemId@locationId`, as the sets left it. */
  available: Map<string, number>;
  requests: { operation: string; status: number; throttled: boolean; at: number }[];
  bucket: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  /**
   * An order of the shop with one open fulfilment order, paid by one SALE of `paid` (a decimal
   * in `currency`, on `gateway`) when given; returns its gid.
   */
  addOrder(
    id: string,
    lines: { sku: string; quantity: number }[],
    paid?: { amount: string; currency: string; gateway?: string },
  ): string;
  /** An order's transactions, its sale and the refunds' included. */
  transactions(orderId: string): Transaction[];
  /** An order's line items, in the order's order. */
  lineItems(orderId: string): { id: string; sku: string }[];
  /**
   * The next mutation (of the `mutation` root field when given: the stock feed's sets may come
   * between) takes effect, then is answered 502 (or not in time).
   */
  failAfterEffect(mode: "5xx" | "timeout", mutation?: string): void;
  /** Empties the bucket: the next request is throttled until it fills again. */
  drainBucket(): void;
  close(): Promise<void>;
}

type Quantity = { inventoryItemId: string; locationId: string; quantity: number };
type LineItem = { id: string; sku: string; quantity: number };
type FoLine = { id: string; lineItemId: string; remainingQuantity: number };
type FulfillmentOrder = { id: string; status: string; lines: FoLine[] };
type Fulfillment = {
  id: string;
  orderId: string;
  trackingInfo: { number: string; company: string | null; url: string | null }[];
  lineItems: { id: string; quantity: number }[];
  notifyCustomer: boolean;
  events: FulfillmentEvent[];
};
type FulfillmentEvent = { id: string; status: string; happenedAt: string; message: string | null };

/** FulfillmentEventStatus (enums/FulfillmentEventStatus). */
const FULFILLMENT_EVENT_STATUSES = new Set([
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "OUT_FOR_DELIVERY",
  "PICKED_UP",
  "READY_FOR_PICKUP",
]);
type Transaction = {
  id: string;
  kind: string;
  status: string;
  gateway: string;
  amount: string;
  currency: string;
  parentId: string | null;
};
type Refund = {
  id: string;
  orderId: string;
  note: string | null;
  refundLineItems: {
    lineItemId: string;
    quantity: number;
    restockType: string;
    locationId?: string;
  }[];
  transactions: { parentId: string; gateway: string; amount: string }[];
};
type Order = {
  id: string;
  lineItems: LineItem[];
  fulfillmentOrders: FulfillmentOrder[];
  transactions: Transaction[];
};
type UserError = { field: string[]; message: string; code?: string };

const QUERY_COST = 20;
const MUTATION_COST = 10;

class FieldError extends Error {}

/** The selection of `value` the query asks for, `first` applied to lists and connections. */
function project(value: unknown, field: FieldNode, variables: Record<string, unknown>): unknown {
  if (value === null || value === undefined || !field.selectionSet) return value ?? null;
  const args = Object.fromEntries(
    (field.arguments ?? []).map((arg) => [
      arg.name.value,
      valueFromASTUntyped(arg.value, variables),
    ]),
  );
  const first = typeof args["first"] === "number" ? args["first"] : undefined;
  if (Array.isArray(value)) {
    const items = first === undefined ? value : value.slice(0, first);
    return items.map((item) => select(item, field.selectionSet as SelectionSetNode, variables));
  }
  const object = value as Record<string, unknown>;
  if (first !== undefined && Array.isArray(object["nodes"]))
    return select({ nodes: object["nodes"].slice(0, first) }, field.selectionSet, variables);
  return select(object, field.selectionSet, variables);
}

function select(
  object: unknown,
  selectionSet: SelectionSetNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) throw new FieldError("fragments are not answered here");
    const name = selection.name.value;
    const source = object as Record<string, unknown>;
    if (!(name in source)) throw new FieldError(`Field '${name}' doesn't exist on this type`);
    out[selection.alias?.value ?? name] = project(source[name], selection, variables);
  }
  return out;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the test shop on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestShopify({
  version = "2026-01",
  slowMs = 1_500,
} = {}): Promise<TestShopify> {
  let fault: { mode: "5xx" | "timeout"; field: string | null } | null = null;
  let sequence = 1000;
  const nextId = () => (sequence += 1);
  const orders = new Map<string, Order>();
  const idempotent = new Map<string, unknown>();
  const timers = new Set<NodeJS.Timeout>();
  const shop = {
    version,
    token: "shpat_0123456789abcdef0123456789abcdef",
    fulfillments: [] as Fulfillment[],
    refunds: [] as Refund[],
    restocks: [] as TestShopify["restocks"],
    inventorySets: [] as { quantities: Quantity[] }[],
    available: new Map<string, number>(),
    requests: [] as TestShopify["requests"],
    bucket: { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 },
  };
  let filledAt = Date.now();

  /** The bucket now: what leaked back since it was last looked at. */
  function fill() {
    const now = Date.now();
    const { bucket } = shop;
    bucket.currentlyAvailable = Math.min(
      bucket.maximumAvailable,
      bucket.currentlyAvailable + ((now - filledAt) / 1_000) * bucket.restoreRate,
    );
    filledAt = now;
  }

  function orderView(id: string) {
    const order = orders.get(id);
    if (!order) return null;
    const byId = new Map(order.lineItems.map((item) => [item.id, item]));
    return {
      id,
      lineItems: { nodes: order.lineItems.map(({ id: itemId, sku }) => ({ id: itemId, sku })) },
      fulfillmentOrders: {
        nodes: order.fulfillmentOrders.map((fo) => ({
          id: fo.id,
          status: fo.status,
          lineItems: {
            nodes: fo.lines.map((line) => ({
              id: line.id,
              remainingQuantity: line.remainingQuantity,
              lineItem: { id: line.lineItemId, sku: byId.get(line.lineItemId)?.sku ?? null },
            })),
          },
        })),
      },
      fulfillments: shop.fulfillments
        .filter((fulfillment) => fulfillment.orderId === id)
        .map(({ id: fulfillmentId, trackingInfo }) => ({ id: fulfillmentId, trackingInfo })),
      refunds: shop.refunds
        .filter((refund) => refund.orderId === id)
        .map(({ id: refundId, note }) => ({ id: refundId, note })),
      transactions: order.transactions.map((tx) => ({
        id: tx.id,
        kind: tx.kind,
        status: tx.status,
        gateway: tx.gateway,
        amountSet: { shopMoney: { amount: tx.amount, currencyCode: tx.currency } },
        parentTransaction: tx.parentId ? { id: tx.parentId } : null,
      })),
    };
  }

  function fulfillmentCreate(input: Record<string, unknown>) {
    const groups = (input["lineItemsByFulfillmentOrder"] ?? []) as {
      fulfillmentOrderId: string;
      fulfillmentOrderLineItems?: { id: string; quantity: number }[];
    }[];
    const errors: UserError[] = [];
    const taken: { line: FoLine; quantity: number }[] = [];
    let orderId: string | null = null;
    groups.forEach((group, index) => {
      const owner = [...orders.values()].find((order) =>
        order.fulfillmentOrders.some((fo) => fo.id === group.fulfillmentOrderId),
      );
      const fo = owner?.fulfillmentOrders.find(
        (candidate) => candidate.id === group.fulfillmentOrderId,
      );
      const field = ["fulfillment", "lineItemsByFulfillmentOrder", String(index)];
      if (!owner || !fo)
        return errors.push({ field, message: "Fulfillment order does not exist." });
      if (fo.status !== "OPEN" && fo.status !== "IN_PROGRESS")
        return errors.push({ field, message: "Fulfillment order is not in an acceptable state." });
      orderId = owner.id;
      for (const wanted of group.fulfillmentOrderLineItems ?? []) {
        const line = fo.lines.find((candidate) => candidate.id === wanted.id);
        if (!line || wanted.quantity <= 0 || wanted.quantity > line.remainingQuantity)
          errors.push({
            field,
            message: "Invalid fulfillment order line item quantity requested.",
          });
        else taken.push({ line, quantity: wanted.quantity });
      }
      return undefined;
    });
    if (groups.length === 0)
      errors.push({
        field: ["fulfillment"],
        message: "Line items by fulfillment order can't be blank.",
      });
    if (errors.length > 0 || !orderId) return { fulfillment: null, userErrors: errors };
    for (const { line, quantity } of taken) line.remainingQuantity -= quantity;
    for (const fo of orders.get(orderId)?.fulfillmentOrders ?? [])
      fo.status = fo.lines.every((line) => line.remainingQuantity === 0) ? "CLOSED" : "IN_PROGRESS";
    const tracking = (input["trackingInfo"] ?? {}) as Record<string, string | undefined>;
    const fulfillment: Fulfillment = {
      id: `gid://shopify/Fulfillment/${nextId()}`,
      orderId,
      trackingInfo: tracking["number"]
        ? [
            {
              number: tracking["number"],
              company: tracking["company"] ?? null,
              url: tracking["url"] ?? null,
            },
          ]
        : [],
      lineItems: taken.map(({ line, quantity }) => ({ id: line.id, quantity })),
      notifyCustomer: input["notifyCustomer"] === true,
      events: [],
    };
    shop.fulfillments.push(fulfillment);
    return { fulfillment: { id: fulfillment.id }, userErrors: [] };
  }

  function refundCreate(input: Record<string, unknown>) {
    const order = orders.get(String(input["orderId"]));
    if (!order)
      return {
        refund: null,
        userErrors: [{ field: ["orderId"], message: "Order does not exist" }],
      };
    const lines = (input["refundLineItems"] ?? []) as Refund["refundLineItems"];
    const errors: UserError[] = [];
    lines.forEach((line, index) => {
      const field = ["refundLineItems", String(index)];
      const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
      // Earlier refunds' units and this refund's earlier lines of the same item.
      const refunded = [
        ...shop.refunds.flatMap((refund) => refund.refundLineItems),
        ...lines.slice(0, index),
      ]
        .filter((refunded) => refunded.lineItemId === line.lineItemId)
        .reduce((sum, refunded) => sum + refunded.quantity, 0);
      if (!item) errors.push({ field, message: "Line item does not exist" });
      else if (line.quantity <= 0 || line.quantity > item.quantity - refunded)
        errors.push({ field, message: "Quantity cannot refund more items than were purchased" });
      if (!["RETURN", "NO_RESTOCK", "CANCEL"].includes(line.restockType))
        errors.push({ field, message: "Restock type is invalid" });
      if (line.restockType === "RETURN" && !line.locationId)
        errors.push({ field, message: "Location is required to restock" });
    });
    const transactions = refundMoney(order, input, errors);
    if (errors.length > 0) return { refund: null, userErrors: errors };
    const refund: Refund = {
      id: `gid://shopify/Refund/${nextId()}`,
      orderId: order.id,
      note: typeof input["note"] === "string" ? input["note"] : null,
      refundLineItems: lines,
      transactions,
    };
    shop.refunds.push(refund);
    for (const line of lines)
      if (line.restockType === "RETURN" && line.locationId)
        shop.restocks.push({
          lineItemId: line.lineItemId,
          quantity: line.quantity,
          locationId: line.locationId,
        });
    for (const tx of transactions)
      order.transactions.push({
        id: `gid://shopify/OrderTransaction/${nextId()}`,
        kind: "REFUND",
        status: "SUCCESS",
        gateway: tx.gateway,
        amount: tx.amount,
        currency: order.transactions.find((parent) => parent.id === tx.parentId)?.currency ?? "",
        parentId: tx.parentId,
      });
    return { refund: { id: refund.id }, userErrors: [] };
  }

  /** Cents of a decimal amount (the test shop's currencies have two decimals). */
  const cents = (amount: string) => {
    const [whole = "0", fraction = ""] = amount.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  };

  /** The refund's transactions, checked against the order's payments; problems into `errors`. */
  function refundMoney(order: Order, input: Record<string, unknown>, errors: UserError[]) {
    const wanted = (input["transactions"] ?? []) as Record<string, unknown>[];
    const taken: Refund["transactions"] = [];
    wanted.forEach((tx, index) => {
      const field = ["transactions", String(index)];
      const parent = order.transactions.find((candidate) => candidate.id === tx["parentId"]);
      const amount = typeof tx["amount"] === "string" ? tx["amount"] : "";
      if (tx["kind"] !== "REFUND")
        return errors.push({ field, message: "Kind must be refund for refund transactions" });
      if (tx["orderId"] !== order.id)
        return errors.push({ field, message: "Transaction must belong to the order" });
      if (!parent || !["SALE", "CAPTURE"].includes(parent.kind) || parent.status !== "SUCCESS")
        return errors.push({ field, message: "Parent transaction is not refundable" });
      if (tx["gateway"] !== parent.gateway)
        return errors.push({ field, message: "Gateway must match the parent transaction" });
      const refunded = [
        ...order.transactions,
        ...taken.map((done) => ({ ...done, kind: "REFUND" })),
      ]
        .filter((done) => done.kind === "REFUND" && done.parentId === parent.id)
        .reduce((sum, done) => sum + cents(done.amount), 0);
      if (!/^\d+(\.\d{1,2})?$/.test(amount) || cents(amount) <= 0)
        return errors.push({ field, message: "Amount must be greater than zero" });
      if (cents(amount) > cents(parent.amount) - refunded)
        return errors.push({ field, message: "Amount cannot exceed the refundable amount" });
      taken.push({ parentId: parent.id, gateway: parent.gateway, amount });
      return undefined;
    });
    return taken;
  }

  function inventorySetQuantities(input: Record<string, unknown>) {
    const quantities = (input["quantities"] ?? []) as (Quantity & {
      changeFromQuantity?: number | null;
    })[];
    const errors: UserError[] = [];
    if (input["name"] !== "available" && input["name"] !== "on_hand")
      errors.push({
        field: ["input", "name"],
        message: "The quantity name must be either 'available' or 'on_hand'.",
        code: "INVALID_NAME",
      });
    if (typeof input["reason"] !== "string" || !input["reason"])
      errors.push({
        field: ["input", "reason"],
        message: "The specified reason is invalid.",
        code: "INVALID_REASON",
      });
    quantities.forEach((quantity, index) => {
      const field = ["input", "quantities", String(index)];
      if (quantity.quantity < 0)
        errors.push({
          field,
          message: "The quantity can't be negative.",
          code: "INVALID_QUANTITY_NEGATIVE",
        });
      if (input["ignoreCompareQuantity"] !== true && !("changeFromQuantity" in quantity))
        errors.push({
          field,
          message:
            "The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.",
          code: "COMPARE_QUANTITY_REQUIRED",
        });
    });
    if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
    for (const quantity of quantities)
      shop.available.set(`${quantity.inventoryItemId}@${quantity.locationId}`, quantity.quantity);
    shop.inventorySets.push({
      quantities: quantities.map(({ inventoryItemId, locationId, quantity }) => ({
        inventoryItemId,
        locationId,
        quantity,
      })),
    });
    return {
      inventoryAdjustmentGroup: { id: `gid://shopify/InventoryAdjustmentGroup/${nextId()}` },
      userErrors: [],
    };
  }

  function fulfillmentEventCreate(input: Record<string, unknown>) {
    const fulfillment = shop.fulfillments.find((each) => each.id === input["fulfillmentId"]);
    const status = typeof input["status"] === "string" ? input["status"] : "";
    const errors: UserError[] = [];
    if (!fulfillment)
      errors.push({
        field: ["fulfillmentEvent", "fulfillmentId"],
        message: "Fulfillment does not exist.",
      });
    if (!FULFILLMENT_EVENT_STATUSES.has(status))
      errors.push({
        field: ["fulfillmentEvent", "status"],
        message: "Status is not included in the list",
      });
    if (errors.length > 0 || !fulfillment) return { fulfillmentEvent: null, userErrors: errors };
    const event: FulfillmentEvent = {
      id: `gid://shopify/FulfillmentEvent/${nextId()}`,
      status,
      happenedAt:
        typeof input["happenedAt"] === "string" ? input["happenedAt"] : new Date().toISOString(),
      message: typeof input["message"] === "string" ? input["message"] : null,
    };
    fulfillment.events.push(event);
    return { fulfillmentEvent: event, userErrors: [] };
  }

  const MUTATIONS: Record<string, (args: Record<string, unknown>) => unknown> = {
    fulfillmentEventCreate: (args) =>
      fulfillmentEventCreate((args["fulfillmentEvent"] ?? {}) as Record<string, unknown>),
    fulfillmentCreate: (args) =>
      fulfillmentCreate((args["fulfillment"] ?? {}) as Record<string, unknown>),
    refundCreate: (args) => refundCreate((args["input"] ?? {}) as Record<string, unknown>),
    inventorySetQuantities: (args) =>
      inventorySetQuantities((args["input"] ?? {}) as Record<string, unknown>),
  };

  function costOf(requested: number, actual: number | null) {
    return {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: { ...shop.bucket },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const text = await readBody(req);
    const record = (operation: string, status: number, throttled = false) =>
      shop.requests.push({ operation, status, throttled, at: Date.now() });
    if (req.method !== "POST" || req.url !== `/admin/api/${shop.version}/graphql.json`) {
      record("?", 404);
      return send(res, 404, { errors: "Not Found" });
    }
    if (req.headers["x-shopify-access-token"] !== shop.token) {
      record("?", 401);
      return send(res, 401, {
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
    const { query, variables = {} } = JSON.parse(text) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const operation = parse(query).definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    const field = operation?.selectionSet.selections[0];
    if (!operation || field?.kind !== Kind.FIELD) return send(res, 400, { errors: "no operation" });
    const name = operation.name?.value ?? field.name.value;
    const mutation = operation.operation === OperationTypeNode.MUTATION;
    const requested = mutation ? MUTATION_COST : QUERY_COST;
    fill();
    if (shop.bucket.currentlyAvailable < requested) {
      record(name, 200, true);
      return send(res, 200, {
        errors: [
          {
            message: "Throttled",
            extensions: {
              code: "THROTTLED",
              documentation: "https://shopify.dev/api/usage/limits",
            },
          },
        ],
        extensions: { cost: costOf(requested, null) },
      });
    }
    const args = Object.fromEntries(
      (field.arguments ?? []).map((arg) => [
        arg.name.value,
        valueFromASTUntyped(arg.value, variables),
      ]),
    );
    let value: unknown;
    try {
      if (!mutation && field.name.value === "order") value = orderView(String(args["id"]));
      else if (!mutation && field.name.value === "fulfillment") {
        const fulfillment = shop.fulfillments.find((each) => each.id === String(args["id"]));
        value = fulfillment ? { id: fulfillment.id, events: { nodes: fulfillment.events } } : null;
      } else if (mutation && MUTATIONS[field.name.value]) {
        const key = field.directives
          ?.find((directive) => directive.name.value === "idempotent")
          ?.arguments?.find((arg) => arg.name.value === "key");
        const idempotencyKey = key ? String(valueFromASTUntyped(key.value, variables)) : null;
        const scoped = idempotencyKey ? `${field.name.value}:${idempotencyKey}` : null;
        value =
          scoped && idempotent.has(scoped)
            ? idempotent.get(scoped)
            : MUTATIONS[field.name.value]?.(args);
        if (scoped) idempotent.set(scoped, value);
      } else
        throw new FieldError(
          `Field '${field.name.value}' doesn't exist on type '${mutation ? "Mutation" : "QueryRoot"}'`,
        );
      value = project(value, field, variables);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      record(name, 200);
      return send(res, 200, {
        errors: [{ message: error.message, extensions: { code: "undefinedField" } }],
      });
    }
    shop.bucket.currentlyAvailable -= requested;
    const data = { [field.alias?.value ?? field.name.value]: value };
    if (mutation && fault && (fault.field === null || fault.field === field.name.value)) {
      const { mode } = fault;
      fault = null;
      record(name, mode === "5xx" ? 502 : 0);
      if (mode === "5xx") return send(res, 502, { errors: "Bad Gateway" });
      const timer = setTimeout(() => send(res, 200, { data }), slowMs);
      timers.add(timer);
      return undefined;
    }
    record(name, 200);
    return send(res, 200, { data, extensions: { cost: costOf(requested, requested) } });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { errors: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(shop, {
    url: `http://127.0.0.1:${port}`,
    addOrder(
      id: string,
      lines: { sku: string; quantity: number }[],
      paid?: { amount: string; currency: string; gateway?: string },
    ) {
      const gid = `gid://shopify/Order/${id}`;
      const lineItems = lines.map((line) => ({
        id: `gid://shopify/LineItem/${nextId()}`,
        ...line,
      }));
      orders.set(gid, {
        id: gid,
        lineItems,
        transactions: paid
          ? [
              {
                id: `gid://shopify/OrderTransaction/${nextId()}`,
                kind: "SALE",
                status: "SUCCESS",
                gateway: paid.gateway ?? "shopify_payments",
                amount: paid.amount,
                currency: paid.currency,
                parentId: null,
              },
            ]
          : [],
        fulfillmentOrders: [
          {
            id: `gid://shopify/FulfillmentOrder/${nextId()}`,
            status: "OPEN",
            lines: lineItems.map((item) => ({
              id: `gid://shopify/FulfillmentOrderLineItem/${nextId()}`,
              lineItemId: item.id,
              remainingQuantity: item.quantity,
            })),
          },
        ],
      });
      return gid;
    },
    transactions: (orderId: string) => orders.get(orderId)?.transactions ?? [],
    lineItems: (orderId: string) =>
      (orders.get(orderId)?.lineItems ?? []).map(({ id: itemId, sku }) => ({ id: itemId, sku })),
    failAfterEffect(mode: "5xx" | "timeout", mutation?: string) {
      fault = { mode, field: mutation ?? null };
    },
    drainBucket() {
      fill();
      shop.bucket.currentlyAvailable = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
