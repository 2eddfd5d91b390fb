// Every list of the API that can grow is a connection read a page at a time; the bounded ones are
// named here with the reason they stay plain lists.
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
} from "graphql";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@waybill/graphql";

const schema = buildSchema(readFileSync(new URL("../schema/api.graphql", import.meta.url), "utf8"));

/** Lists bounded by nature, which stay plain lists. */
const BOUNDED = new Map([
  ["Order.lines", "one per line ordered"],
  ["Shipment.lines", "at most one per line of its order"],
  ["Invoice.lines", "at most one per line of its order"],
  ["Return.lines", "at most one per line of its order"],
  ["Invoice.holds", "one per hold placed on one invoice, a few reasons at most"],
  [
    "ReconciliationReport.orders",
    "a report covers at most RECONCILE_MAX_ORDERS orders, or is refused",
  ],
  [
    "ReconciliationReport.discrepancies",
    "a few per shipment, return or credit note of the report's orders",
  ],
  ["ReconciliationReport.exceptions", "likewise, those handed to an owner"],
  ["ReconciledOrder.lines", "one per line of the order"],
  ["ReconciledLine.movements", "one per movement kind"],
  ["Invoice.collectionHolds", "one per hold placed on an issued invoice's collection, likewise"],
  ["Order.reservations", "one per line ordered"],
  ["Query.reservations", "an order's, one per line ordered"],
  ["Reservation.allocations", "one per warehouse"],
  ["Product.stock", "one per warehouse"],
  ["WebhookDelivery.attempts", "one per step of the retry schedule (ten), again per replay"],
  ["Invoice.charges", "one per carrier charge of one shipment, a handful"],
  ["Invoice.creditNotes", "each credits one unit at least, or is the one void: units invoiced + 1"],
  ["Invoice.adjustmentNotes", "one per carrier charge of one shipment, a handful"],
  ["CreditNote.lines", "at most one per line of its invoice"],
  ["CreditNote.charges", "at most one per charge on its invoice"],
  ["Return.creditNotes", "one per invoice of its order that the return reached"],
  ["Query.connectors", "one per connector Waybill has, switched on by CONNECTORS"],
  [
    "Query.shipmentsByTrackingNumber",
    "a search: the 20 newest shipments with one tracking number, which carriers reuse rarely",
  ],
]);

const objectLists = () =>
  Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
    .filter((type) => !type.name.endsWith("Connection") && type.name !== "Mutation")
    .flatMap((type) =>
      Object.values(
        (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields(),
      )
        .filter((field) => isListType(getNullableType(field.type)))
        .filter((field) => isObjectType(getNamedType(field.type)))
        .map((field) => `${type.name}.${field.name}`),
    );

const connections = () =>
  Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
    .flatMap((type) =>
      Object.values(
        (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields(),
      )
        .filter((field) => getNamedType(field.type).name.endsWith("Connection"))
        .map((field) => ({ name: `${type.name}.${field.name}`, field })),
    );

describe("lists of the API", () => {
  it("are connections unless bounded by nature", () => {
    expect(objectLists().filter((name) => !BOUNDED.has(name))).toEqual([]);
    expect([...BOUNDED.keys()].filter((name) => !objectLists().includes(name))).toEqual([]);
  });

  it("page with first and after, the page sizes coming from one place", () => {
    const found = connections();
    expect(found.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        "Query.orders",
        "Query.customers",
        "Customer.orders",
        "Order.shipments",
        "Order.invoices",
        "Order.returns",
        "Order.timeline",
        "Shipment.milestones",
        "Query.exceptions",
        "Query.apiKeys",
      ]),
    );
    for (const { name, field } of found) {
      const args = Object.fromEntries(field.args.map((arg) => [arg.name, arg]));
      expect(String(args.first?.type), name).toBe("Int");
      expect(args.first?.defaultValue, name).toBeUndefined();
      expect(String(args.after?.type), name).toBe("String");
    }
    expect(schema.getType("PageInfo")?.description).toContain(
      `\`first\` (1 to ${PAGE_SIZE.max} rows, ${PAGE_SIZE.default} when omitted)`,
    );
  });
});
