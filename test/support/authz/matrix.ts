// Every root field of the API and every entity, with who may use it. A case runs against one
// customer's data ("target"); customers and partners may reach only customer A's.
import type { SubgraphName } from "../../../scripts/subgraphs.ts";
import type { GraphQLResponse } from "../graphql.ts";
import { ACTORS, isLimited, type Actor } from "./actors.ts";
import type { Account, World } from "./world.ts";

type Response = Omit<GraphQLResponse<Record<string, unknown>>, "headers">;

/** What an actor should get: the data, FORBIDDEN, or an answer in which the target's data is absent. */
export type Expectation = "allow" | "forbidden" | "hidden";

export type Case = {
  /** The root field, or `_entities:<Type>.<field>` for an entity path. */
  name: string;
  /** Where the field lives; "gateway" is the gateway's own subgraph and has no direct path. */
  subgraph: SubgraphName | "gateway";
  document: string;
  variables(target: Account, world: World): Record<string, unknown>;
  /** Who may use it at all. */
  allowed: readonly Actor[];
  /** How a limited actor is kept from another customer's data; undefined: not customer data. */
  foreign?: "forbidden" | "hidden";
  /** Whether an allowed answer really carries what was asked for. */
  served(response: Response, target: Account, world: World): boolean;
};

export function expectation(item: Case, actor: Actor, target: Account, world: World): Expectation {
  if (!item.allowed.includes(actor)) return "forbidden";
  if (item.foreign && isLimited(actor) && target !== world.a) return item.foreign;
  return "allow";
}

const READ_ORDERS: Actor[] = ["customer", "partner", "warehouse", "agent", "finance", "admin"];
const READ_INVOICES: Actor[] = ["customer", "partner", "agent", "finance", "admin"];
const CATALOG: Actor[] = ["customer", "partner", "warehouse", "agent", "finance", "admin"];
const STOCK: Actor[] = ["warehouse", "agent", "finance", "admin"];
const CASES: Actor[] = ["agent", "finance", "admin"];
const STAFF_INVOICES: Actor[] = ["agent", "finance", "admin"];
const ADMIN: Actor[] = ["admin"];
/** Finance systems' connectors: finance and admin. */
const FINANCE: Actor[] = ["finance", "admin"];
/** Partners manage their accounts' webhook endpoints; admin every one. */
const WEBHOOKS: Actor[] = ["partner", "admin"];

const field = (response: Response, name: string): unknown => response.data?.[name];
const ok = (response: Response) => !response.errors?.length;
const idOf = (value: unknown) => (value as { id?: string } | null)?.id;
/** The ids on a page of a list (`edges { node { id } }`). */
const ids = (value: unknown) =>
  ((value as { edges: { node: { id: string } }[] } | null)?.edges ?? []).map(({ node }) => node.id);
/** Whether an answer carries a page of the list `name`. */
const page = (response: Response, name: string) =>
  ok(response) && Array.isArray((field(response, name) as { edges?: unknown } | null)?.edges);
const typename = (response: Response, name: string, expected: string) =>
  ok(response) &&
  (field(response, name) as { __typename?: string } | null)?.__typename === expected;
const coded = (response: Response, code: string) =>
  response.errors?.some((error) => error.extensions?.code === code) ?? false;

const read = (
  name: string,
  subgraph: SubgraphName,
  document: string,
  variables: Case["variables"],
  allowed: Actor[],
  served: Case["served"],
  foreign?: Case["foreign"],
): Case => ({
  name,
  subgraph,
  document,
  variables,
  allowed,
  served,
  ...(foreign ? { foreign } : {}),
});

const mutation = (
  name: string,
  subgraph: SubgraphName | "gateway",
  document: string,
  variables: Case["variables"],
  allowed: Actor[],
  outcome: string,
  foreign?: Case["foreign"],
): Case => ({
  name,
  subgraph,
  document,
  variables,
  allowed,
  served: (response) =>
    outcome.startsWith("code:")
      ? coded(response, outcome.slice(5))
      : typename(response, name, outcome),
  ...(foreign ? { foreign } : {}),
});

const none = () => ({});
/** A valid shipment of an order that does not exist: reaching the use case answers UnknownOrderError. */
const shipmentOfMissingOrder = () => ({
  orderId: "ord_missing",
  warehouse: "AMS1",
  lines: [{ lineId: "l", quantity: 1 }],
  carrier: "UPS",
  service: "STD",
  trackingNumber: "1Z",
  shippedAt: new Date().toISOString(),
  shippingCharge: "0",
});

/** Every Query and Mutation root field of the supergraph. */
export const ROOT_CASES: Case[] = [
  // orders
  read(
    "order",
    "orders",
    `query ($id: ID!) { order(id: $id) { id } }`,
    (t) => ({ id: t.orderId }),
    READ_ORDERS,
    (r, t) => idOf(field(r, "order")) === t.orderId,
    "forbidden",
  ),
  read(
    "orders",
    "orders",
    `query ($customerId: ID) { orders(customerId: $customerId) { edges { node { id } } } }`,
    (t) => ({ customerId: t.customerId }),
    READ_ORDERS,
    (r, t) => ids(field(r, "orders")).includes(t.orderId),
    "forbidden",
  ),
  read(
    "customer",
    "orders",
    `query ($id: ID!) { customer(id: $id) { id } }`,
    (t) => ({ id: t.customerId }),
    READ_ORDERS,
    (r, t) => idOf(field(r, "customer")) === t.customerId,
    "forbidden",
  ),
  read(
    "customers",
    "orders",
    `{ customers { edges { node { id } } } }`,
    none,
    READ_ORDERS,
    (r, t) => ids(field(r, "customers")).includes(t.customerId),
    "hidden",
  ),
  read(
    "serviceCase",
    "orders",
    `query ($id: ID!) { serviceCase(id: $id) { id } }`,
    (_, w) => ({ id: w.caseId }),
    CASES,
    (r, _, w) => idOf(field(r, "serviceCase")) === w.caseId,
  ),
  read(
    "serviceCases",
    "orders",
    `{ serviceCases { edges { node { id } } } }`,
    none,
    CASES,
    (r, _, w) => ids(field(r, "serviceCases")).includes(w.caseId),
  ),
  // inventory
  read(
    "product",
    "inventory",
    `query ($sku: String!) { product(sku: $sku) { sku available } }`,
    (_, w) => ({ sku: w.sku }),
    CATALOG,
    (r, _, w) => (field(r, "product") as { sku?: string } | null)?.sku === w.sku,
  ),
  read("products", "inventory", `{ products { edges { node { sku } } } }`, none, CATALOG, (r) =>
    page(r, "products"),
  ),
  read(
    "product.stock",
    "inventory",
    `query ($sku: String!) { product(sku: $sku) { onHand stock { warehouse onHand } movements { edges { node { id } } } } }`,
    (_, w) => ({ sku: w.sku }),
    STOCK,
    (r) => ok(r) && field(r, "product") !== null,
  ),
  read(
    "reservations",
    "inventory",
    `query ($orderId: ID!) { reservations(orderId: $orderId) { sku } }`,
    (t) => ({ orderId: t.orderId }),
    STOCK,
    (r) => ok(r) && (field(r, "reservations") as unknown[]).length > 0,
  ),
  read(
    "stockExceptions",
    "inventory",
    `{ stockExceptions { edges { node { id } } } }`,
    none,
    STOCK,
    (r) => page(r, "stockExceptions"),
  ),
  // shipments
  read(
    "shipment",
    "shipments",
    `query ($id: ID!) { shipment(id: $id) { id } }`,
    (t) => ({ id: t.shipmentId }),
    READ_ORDERS,
    (r, t) => idOf(field(r, "shipment")) === t.shipmentId,
    "forbidden",
  ),
  read(
    "shipments",
    "shipments",
    `query ($orderId: ID!) { shipments(orderId: $orderId) { edges { node { id } } } }`,
    (t) => ({ orderId: t.orderId }),
    READ_ORDERS,
    (r, t) => ids(field(r, "shipments")).includes(t.shipmentId),
    "hidden",
  ),
  read(
    "shipmentsByTrackingNumber",
    "shipments",
    `query ($n: String!) { shipmentsByTrackingNumber(trackingNumber: $n) { id } }`,
    (t) => ({ n: t.trackingNumber.toLowerCase() }),
    READ_ORDERS,
    (r, t) =>
      ((field(r, "shipmentsByTrackingNumber") as { id: string }[] | null) ?? []).some(
        (shipment) => shipment.id === t.shipmentId,
      ),
    "hidden",
  ),
  read(
    "parkedMilestones",
    "shipments",
    `{ parkedMilestones { edges { node { id } } } }`,
    none,
    STOCK,
    (r) => page(r, "parkedMilestones"),
  ),
  // billing
  read(
    "invoice",
    "billing",
    `query ($id: ID!) { invoice(id: $id) { id } }`,
    (t) => ({ id: t.invoiceId }),
    READ_INVOICES,
    (r, t) => idOf(field(r, "invoice")) === t.invoiceId,
    "forbidden",
  ),
  read(
    "invoices",
    "billing",
    `query ($orderId: ID) { invoices(orderId: $orderId) { edges { node { id } } } }`,
    (t) => ({ orderId: t.orderId }),
    READ_INVOICES,
    (r, t) => ids(field(r, "invoices")).includes(t.invoiceId),
    "hidden",
  ),
  read(
    "invoices (all)",
    "billing",
    `{ invoices { edges { node { id } } } }`,
    none,
    READ_INVOICES,
    (r, t) => ids(field(r, "invoices")).includes(t.invoiceId),
    "hidden",
  ),
  read(
    "creditNote",
    "billing",
    `query ($id: ID!) { creditNote(id: $id) { id } }`,
    (t) => ({ id: t.creditNoteId }),
    READ_INVOICES,
    (r, t) => idOf(field(r, "creditNote")) === t.creditNoteId,
    "forbidden",
  ),
  read(
    "creditNotes",
    "billing",
    `{ creditNotes { edges { node { id } } } }`,
    none,
    READ_INVOICES,
    (r, t) => ids(field(r, "creditNotes")).includes(t.creditNoteId),
    "hidden",
  ),
  read(
    "adjustmentNotes",
    "billing",
    `{ adjustmentNotes { edges { node { id } } } }`,
    none,
    READ_INVOICES,
    (r, t) => ids(field(r, "adjustmentNotes")).includes(t.adjustmentNoteId),
    "hidden",
  ),
  read(
    "billingFigures",
    "billing",
    `{ billingFigures { invoicesIssued } }`,
    none,
    STAFF_INVOICES,
    (r) => ok(r) && field(r, "billingFigures") !== null,
  ),
  // returns
  read(
    "return",
    "returns",
    `query ($id: ID!) { return(id: $id) { id } }`,
    (t) => ({ id: t.returnId }),
    READ_ORDERS,
    (r, t) => idOf(field(r, "return")) === t.returnId,
    "forbidden",
  ),
  read(
    "returns",
    "returns",
    `query ($orderId: ID!) { returns(orderId: $orderId) { edges { node { id } } } }`,
    (t) => ({ orderId: t.orderId }),
    READ_ORDERS,
    (r, t) => ids(field(r, "returns")).includes(t.returnId),
    "hidden",
  ),
  read(
    "returnsToReceive",
    "returns",
    `{ returnsToReceive { edges { node { id } } } }`,
    none,
    STOCK,
    (r, t) => ids(field(r, "returnsToReceive")).includes(t.returnId),
  ),
  // integrations
  read(
    "webhookReceipts",
    "integrations",
    `{ webhookReceipts(first: 5) { edges { node { id } } } }`,
    none,
    ADMIN,
    (r) => page(r, "webhookReceipts"),
  ),
  read(
    "webhookEndpoints",
    "integrations",
    `{ webhookEndpoints { edges { node { id } } } }`,
    none,
    WEBHOOKS,
    (r) => page(r, "webhookEndpoints"),
  ),
  // No connector is switched on in the test system: the list is empty for those allowed.
  read("connectors", "integrations", `{ connectors { name health backlog } }`, none, FINANCE, (r) =>
    Array.isArray(field(r, "connectors")),
  ),
  // A partner is refused an id it does not manage, missing ones included; staff get NOT_FOUND.
  read(
    "webhookEndpoint",
    "integrations",
    `query ($id: ID!) { webhookEndpoint(id: $id) { id } }`,
    () => ({ id: "ep_missing" }),
    ADMIN,
    (r) => coded(r, "NOT_FOUND"),
  ),
  // Reaching the use case: the URL is refused (a private address), after the accounts are checked.
  mutation(
    "registerWebhookEndpoint",
    "integrations",
    `mutation ($accounts: [ID!]!) { registerWebhookEndpoint(url: "https://10.0.0.1/hooks", eventTypes: ["orders.order.updated"], accounts: $accounts) { secret } }`,
    (t) => ({ accounts: [t.customerId] }),
    WEBHOOKS,
    "code:BAD_USER_INPUT",
    "forbidden",
  ),
  mutation(
    "rotateWebhookSecret",
    "integrations",
    `mutation { rotateWebhookSecret(endpointId: "ep_missing") { secret } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  mutation(
    "disableWebhookEndpoint",
    "integrations",
    `mutation { disableWebhookEndpoint(endpointId: "ep_missing") { id } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  mutation(
    "enableWebhookEndpoint",
    "integrations",
    `mutation { enableWebhookEndpoint(endpointId: "ep_missing") { id } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  mutation(
    "replayWebhookDelivery",
    "integrations",
    `mutation { replayWebhookDelivery(id: "msg_missing") { id } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  mutation(
    "retryConnectorDelivery",
    "integrations",
    `mutation { retryConnectorDelivery(id: "erpnext:inv_missing") { id } }`,
    none,
    FINANCE,
    "code:NOT_FOUND",
  ),
  mutation(
    "replayConnectorDelivery",
    "integrations",
    `mutation { replayConnectorDelivery(id: "erpnext:inv_missing") { id } }`,
    none,
    FINANCE,
    "code:NOT_FOUND",
  ),
  mutation(
    "replayConnectorDeliveries",
    "integrations",
    `mutation { replayConnectorDeliveries(connector: "erpnext", since: "2026-01-01T00:00:00Z") }`,
    none,
    FINANCE,
    "code:NOT_FOUND",
  ),
  mutation(
    "replayWebhookDeliveries",
    "integrations",
    `mutation { replayWebhookDeliveries(endpointId: "ep_missing", since: "2026-01-01T00:00:00Z") }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  // the gateway's own subgraph
  {
    name: "exceptions",
    subgraph: "gateway",
    document: `{ exceptions { edges { node { id } } } }`,
    variables: none,
    allowed: ADMIN,
    served: (r) => page(r, "exceptions"),
  },
  {
    name: "reconciliation",
    subgraph: "gateway",
    // An hour of orders: the matrix's world is a few orders, placed moments ago.
    document: `query ($from: DateTime!, $to: DateTime!) { reconciliation(from: $from, to: $to) { orders { order { id } } } }`,
    variables: () => ({
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    }),
    allowed: ["finance", "admin"],
    served: (r) =>
      ok(r) && Array.isArray((field(r, "reconciliation") as { orders?: unknown } | null)?.orders),
  },
  {
    name: "apiKeys",
    subgraph: "gateway",
    document: `{ apiKeys { edges { node { id } } } }`,
    variables: none,
    allowed: ADMIN,
    served: (r) => page(r, "apiKeys"),
  },
  {
    name: "viewer",
    subgraph: "gateway",
    document: `{ viewer { subject role } }`,
    variables: none,
    allowed: ACTORS,
    served: (r) =>
      ok(r) && typeof (field(r, "viewer") as { role?: unknown } | null)?.role === "string",
  },

  // Mutations: allowed callers get a business answer (often a typed error, so nothing changes).
  mutation(
    "createCustomer",
    "orders",
    `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { __typename } }`,
    () => ({
      input: { name: "Matrix", email: `m${Math.random().toString(36).slice(2)}@example.com` },
    }),
    ["agent", "admin"],
    "Customer",
  ),
  mutation(
    "placeChannelOrder",
    "orders",
    `mutation ($input: PlaceChannelOrderInput!) { placeChannelOrder(input: $input) { __typename } }`,
    (_, w) => ({
      input: {
        customer: { email: "matrix@example.com", name: "Matrix" },
        channel: "matrix",
        externalReference: "m-1",
        currency: "EUR",
        lines: [{ sku: w.sku, quantity: 0, unitPrice: "1.00", taxRate: "0" }],
      },
    }),
    ["agent", "admin"],
    "InvalidOrderError",
  ),
  mutation(
    "placeOrder",
    "orders",
    `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename } }`,
    (t, w) => ({
      input: {
        customerId: t.customerId,
        channel: "web",
        currency: "EUR",
        lines: [{ sku: w.sku, quantity: 0, unitPrice: "1.00", taxRate: "0" }],
      },
    }),
    ["customer", "agent", "admin"],
    "InvalidOrderError",
    "forbidden",
  ),
  mutation(
    "cancelOrder",
    "orders",
    `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename } }`,
    (t) => ({ input: { orderId: t.orderId, reason: "matrix" } }),
    ["customer", "agent", "admin"],
    "CannotCancelShippedError",
    "forbidden",
  ),
  mutation(
    "cancelOrderLine",
    "orders",
    `mutation ($input: CancelOrderLineInput!) { cancelOrderLine(input: $input) { __typename } }`,
    (t) => ({ input: { orderId: t.orderId, lineId: t.lineId, reason: "matrix" } }),
    ["customer", "agent", "admin"],
    "CannotCancelShippedError",
    "forbidden",
  ),
  mutation(
    "assignServiceCase",
    "orders",
    `mutation { assignServiceCase(caseId: "case_missing", assignee: "kim") { __typename } }`,
    none,
    ["agent", "admin"],
    "ServiceCaseNotFoundError",
  ),
  mutation(
    "commentOnServiceCase",
    "orders",
    `mutation { commentOnServiceCase(caseId: "case_missing", author: "kim", body: "hi") { __typename } }`,
    none,
    ["agent", "admin"],
    "ServiceCaseNotFoundError",
  ),
  mutation(
    "resolveServiceCase",
    "orders",
    `mutation { resolveServiceCase(caseId: "case_missing", resolution: "done") { __typename } }`,
    none,
    ["agent", "admin"],
    "ServiceCaseNotFoundError",
  ),
  mutation(
    "requestReturn",
    "returns",
    `mutation ($input: RequestReturnInput!) { requestReturn(input: $input) { __typename } }`,
    (t) => ({
      input: { orderId: t.orderId, reason: "matrix", lines: [{ lineId: t.lineId, quantity: 99 }] },
    }),
    ["customer", "agent", "admin"],
    "QuantityExceedsShippedError",
    "forbidden",
  ),
  mutation(
    "receiveReturn",
    "returns",
    `mutation ($input: ReceiveReturnInput!) { receiveReturn(input: $input) { __typename } }`,
    (t) => ({
      input: {
        returnId: t.returnId,
        warehouse: "AMS1",
        lines: [{ lineId: "l_missing", received: 1, disposition: "RESTOCK" }],
      },
    }),
    ["warehouse", "admin"],
    "InvalidReturnError",
  ),
  mutation(
    "cancelReturn",
    "returns",
    `mutation ($input: CancelReturnInput!) { cancelReturn(input: $input) { __typename } }`,
    (t) => ({ input: { returnId: t.returnId, reason: " " } }),
    ["customer", "agent", "admin"],
    "InvalidReturnError",
    "forbidden",
  ),
  mutation(
    "confirmShipment",
    "shipments",
    `mutation ($input: ConfirmShipmentInput!) { confirmShipment(input: $input) { __typename } }`,
    () => ({ input: shipmentOfMissingOrder() }),
    ["warehouse", "admin"],
    "UnknownOrderError",
  ),
  {
    name: "confirmShipments",
    subgraph: "shipments",
    document: `mutation ($inputs: [ConfirmShipmentInput!]!) { confirmShipments(inputs: $inputs) { __typename } }`,
    variables: () => ({ inputs: [shipmentOfMissingOrder()] }),
    allowed: ["warehouse", "admin"],
    served: (response) =>
      ok(response) &&
      (field(response, "confirmShipments") as { __typename: string }[] | null)?.[0]?.__typename ===
        "UnknownOrderError",
  },
  mutation(
    "recordMilestone",
    "shipments",
    `mutation ($input: RecordMilestoneInput!) { recordMilestone(input: $input) { __typename } }`,
    () => ({
      input: {
        shipmentId: "shp_missing",
        type: "IN_TRANSIT",
        occurredAt: new Date().toISOString(),
      },
    }),
    ["carrier", "warehouse", "admin"],
    "UnknownShipmentError",
  ),
  mutation(
    "recordCarrierCharge",
    "shipments",
    `mutation ($input: RecordCarrierChargeInput!) { recordCarrierCharge(input: $input) { __typename } }`,
    () => ({
      input: { shipmentId: "shp_missing", carrierChargeId: "C-1", type: "FUEL", amount: "1.00" },
    }),
    ["carrier", "warehouse", "finance", "admin"],
    "UnknownShipmentError",
  ),
  mutation(
    "voidShipment",
    "shipments",
    `mutation ($input: VoidShipmentInput!) { voidShipment(input: $input) { __typename } }`,
    () => ({ input: { shipmentId: "shp_missing", reason: "matrix" } }),
    ["warehouse", "agent", "admin"],
    "UnknownShipmentError",
  ),
  mutation(
    "releaseInvoice",
    "billing",
    `mutation { releaseInvoice(input: { invoiceId: "inv_missing", comment: "matrix" }) { __typename } }`,
    none,
    ["finance", "admin"],
    "UnknownInvoiceError",
  ),
  mutation(
    "createProduct",
    "inventory",
    `mutation { createProduct(input: { sku: "", name: "" }) { __typename } }`,
    none,
    ["warehouse", "admin"],
    "InvalidStockInputError",
  ),
  mutation(
    "receiveStock",
    "inventory",
    `mutation { receiveStock(input: { sku: "NO-SUCH-SKU", warehouse: "AMS1", quantity: 1 }) { __typename } }`,
    none,
    ["warehouse", "admin"],
    "UnknownProductError",
  ),
  mutation(
    "adjustStock",
    "inventory",
    `mutation { adjustStock(input: { sku: "NO-SUCH-SKU", warehouse: "AMS1", countedQuantity: 1, reason: "count" }) { __typename } }`,
    none,
    ["warehouse", "admin"],
    "UnknownProductError",
  ),
  mutation(
    "resolveStockException",
    "inventory",
    `mutation { resolveStockException(id: "sx_missing", accept: true) { __typename } }`,
    none,
    ["warehouse", "admin"],
    "UnknownStockExceptionError",
  ),
  mutation(
    "retryException",
    "gateway",
    `mutation { retryException(id: "billing/missing") { id } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  mutation(
    "resolveException",
    "gateway",
    `mutation { resolveException(id: "billing/missing", comment: "x") { id } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
  mutation(
    "replayEvents",
    "gateway",
    `mutation { replayEvents(input: { service: "billing", stream: "shipments" }) { __typename } }`,
    none,
    ADMIN,
    "code:BAD_USER_INPUT",
  ),
  mutation(
    "runReconciliationSweep",
    "gateway",
    `mutation { runReconciliationSweep { __typename } }`,
    none,
    ADMIN,
    "ReconciliationSweep",
  ),
  mutation(
    "createApiKey",
    "gateway",
    `mutation { createApiKey(input: { name: "matrix", role: CARRIER }) { __typename } }`,
    none,
    ADMIN,
    "CreatedApiKey",
  ),
  mutation(
    "revokeApiKey",
    "gateway",
    `mutation { revokeApiKey(id: "missing") { id } }`,
    none,
    ADMIN,
    "code:NOT_FOUND",
  ),
];

const entities = (selection: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
const entity = (response: Response) =>
  ((field(response, "_entities") as (Record<string, unknown> | null)[] | null) ?? [])[0] ?? null;

/** The `_entities` path of every entity each subgraph resolves; only the gateway may send these. */
export const ENTITY_CASES: Case[] = [
  read(
    "_entities:Order",
    "orders",
    entities(`... on Order { id }`),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    READ_ORDERS,
    (r, t) => idOf(entity(r)) === t.orderId,
    "forbidden",
  ),
  read(
    "_entities:Customer",
    "orders",
    entities(`... on Customer { id }`),
    (t) => ({ representations: [{ __typename: "Customer", id: t.customerId }] }),
    READ_ORDERS,
    (r, t) => idOf(entity(r)) === t.customerId,
    "forbidden",
  ),
  read(
    "_entities:Shipment",
    "shipments",
    entities(`... on Shipment { id }`),
    (t) => ({ representations: [{ __typename: "Shipment", id: t.shipmentId }] }),
    READ_ORDERS,
    (r, t) => idOf(entity(r)) === t.shipmentId,
    "forbidden",
  ),
  read(
    "_entities:Order.shipments",
    "shipments",
    entities(`... on Order { shipments { edges { node { id } } } }`),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    READ_ORDERS,
    (r, t) => ids(entity(r)?.shipments).includes(t.shipmentId),
    "hidden",
  ),
  read(
    "_entities:Invoice",
    "billing",
    entities(`... on Invoice { id }`),
    (t) => ({ representations: [{ __typename: "Invoice", id: t.invoiceId }] }),
    READ_INVOICES,
    (r, t) => idOf(entity(r)) === t.invoiceId,
    "forbidden",
  ),
  read(
    "_entities:Order.invoices",
    "billing",
    entities(`... on Order { invoices { edges { node { id } } } }`),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    READ_INVOICES,
    (r, t) => ids(entity(r)?.invoices).includes(t.invoiceId),
    "hidden",
  ),
  read(
    "_entities:Shipment.invoice",
    "billing",
    entities(`... on Shipment { invoice { id } }`),
    (t) => ({ representations: [{ __typename: "Shipment", id: t.shipmentId }] }),
    READ_INVOICES,
    (r, t) => idOf(entity(r)?.invoice) === t.invoiceId,
    "hidden",
  ),
  read(
    "_entities:CreditNote",
    "billing",
    entities(`... on CreditNote { id }`),
    (t) => ({ representations: [{ __typename: "CreditNote", id: t.creditNoteId }] }),
    READ_INVOICES,
    (r, t) => idOf(entity(r)) === t.creditNoteId,
    "forbidden",
  ),
  read(
    "_entities:AdjustmentNote",
    "billing",
    entities(`... on AdjustmentNote { id }`),
    (t) => ({ representations: [{ __typename: "AdjustmentNote", id: t.adjustmentNoteId }] }),
    READ_INVOICES,
    (r, t) => idOf(entity(r)) === t.adjustmentNoteId,
    "forbidden",
  ),
  read(
    "_entities:Return.creditNotes",
    "billing",
    entities(`... on Return { creditNotes { id } }`),
    (t) => ({ representations: [{ __typename: "Return", id: t.receivedReturnId }] }),
    READ_INVOICES,
    (r, t) =>
      ((entity(r)?.creditNotes as { id: string }[] | undefined) ?? []).some(
        (note) => note.id === t.creditNoteId,
      ),
    "hidden",
  ),
  read(
    "_entities:Order.creditNotes",
    "billing",
    entities(
      `... on Order { creditNotes { edges { node { id } } } adjustmentNotes { edges { node { id } } } }`,
    ),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    READ_INVOICES,
    (r, t) =>
      ids(entity(r)?.creditNotes).includes(t.creditNoteId) &&
      ids(entity(r)?.adjustmentNotes).includes(t.adjustmentNoteId),
    "hidden",
  ),
  read(
    "_entities:Order.billedTotal",
    "billing",
    entities(
      `... on Order { billedTotal { amount } creditedTotal { amount } netBilled { amount } }`,
    ),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    READ_INVOICES,
    (r) => ok(r) && entity(r)?.billedTotal != null && entity(r)?.netBilled != null,
    "hidden",
  ),
  read(
    "_entities:Order.shippingMargin",
    "billing",
    entities(`... on Order { shippingMargin { margin { amount } } }`),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    STAFF_INVOICES,
    (r) => ok(r) && entity(r)?.shippingMargin != null,
  ),
  read(
    "_entities:Product",
    "inventory",
    entities(`... on Product { sku }`),
    (_, w) => ({ representations: [{ __typename: "Product", sku: w.sku }] }),
    CATALOG,
    (r, _, w) => (entity(r) as { sku?: string } | null)?.sku === w.sku,
  ),
  read(
    "_entities:Order.reservations",
    "inventory",
    entities(`... on Order { reservations { sku } }`),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    STOCK,
    (r) => ok(r) && ((entity(r)?.reservations as unknown[] | undefined)?.length ?? 0) > 0,
  ),
  read(
    "_entities:Return",
    "returns",
    entities(`... on Return { id }`),
    (t) => ({ representations: [{ __typename: "Return", id: t.returnId }] }),
    READ_ORDERS,
    (r, t) => idOf(entity(r)) === t.returnId,
    "forbidden",
  ),
  read(
    "_entities:Order.returns",
    "returns",
    entities(`... on Order { returns { edges { node { id } } } }`),
    (t) => ({ representations: [{ __typename: "Order", id: t.orderId }] }),
    READ_ORDERS,
    (r, t) => ids(entity(r)?.returns).includes(t.returnId),
    "hidden",
  ),
];

/** The ids of an account, none of which may appear in an answer that denies it. */
export const secretsOf = (account: Account) => [
  account.orderId,
  account.shipmentId,
  account.invoiceId,
  account.returnId,
  account.receivedReturnId,
  account.creditNoteId,
  account.adjustmentNoteId,
  account.customerId,
];
