// Lists are read a page at a time through the gateway: every row once and in order, while rows are
// added between pages; page arguments outside their range are coded errors naming the argument.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@waybill/graphql";
import { ORDER_PAGE, ORDER_SHIPMENT_PAGE } from "../documents/orders.ts";
import { execute, request } from "../support/graphql.ts";
import { createCatalog, placeDemoOrder, placeWhenSkusKnown } from "../support/orders.ts";
import { confirmWhenKnown, oneUnitShipment } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  await createCatalog(gateway);
});

afterAll(async () => {
  await system?.dispose();
});

const placeFor = (customerId: string) =>
  placeWhenSkusKnown(gateway, customerId, [{ sku: "MUG-1", quantity: 1 }]);

/** Every page of `read`, `first` rows at a time; `between` runs after each page but the last. */
async function walk<T>(
  read: (after: string | null) => Promise<{
    edges: { node: T }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }>,
  between: () => Promise<unknown> = async () => {},
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await read(after);
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { rows, pages };
    expect(page.pageInfo.endCursor).not.toBeNull();
    after = page.pageInfo.endCursor;
    await between();
  }
}

describe("paging through the gateway", () => {
  it("walks a customer's orders newest first, each once, while new orders arrive", async () => {
    const { customerId, orderId } = await placeDemoOrder(gateway, [
      { sku: "MUG-1", quantity: 1, unitPrice: "10.00", taxRate: "20" },
    ]);
    for (let i = 0; i < 6; i++) await placeFor(customerId);
    const before = (await execute(gateway, ORDER_PAGE, { customerId, first: PAGE_SIZE.max }))
      .orders;
    expect(before.edges).toHaveLength(7);
    expect(before.pageInfo.hasNextPage).toBe(false);
    expect(before.edges.at(-1)?.node.id).toBe(orderId);

    const added: string[] = [];
    const { rows, pages } = await walk(
      async (after) => (await execute(gateway, ORDER_PAGE, { customerId, first: 2, after })).orders,
      async () => added.push((await placeFor(customerId)).orderId),
    );
    // The new orders are newer than every row read: they come before the cursor, never twice.
    expect(pages).toBe(4);
    expect(rows.map((row) => row.id)).toEqual(before.edges.map((edge) => edge.node.id));
    const placed = rows.map((row) => Date.parse(row.placedAt));
    expect(placed).toEqual([...placed].sort((a, b) => b - a));
    const after = (await execute(gateway, ORDER_PAGE, { customerId, first: 3 })).orders;
    expect(after.edges.map((edge) => edge.node.id)).toEqual(added.reverse());
  });

  it("walks an order's shipments oldest first, from the shipments subgraph, reading those confirmed meanwhile", async () => {
    const { orderId, lineIds } = await placeDemoOrder(gateway, [
      { sku: "MUG-1", quantity: 6, unitPrice: "10.00", taxRate: "20" },
    ]);
    const confirm = async (n: number) => {
      const input = oneUnitShipment(orderId, lineIds[0] ?? "", `1ZPAGE${n}${orderId.slice(-8)}`);
      const shipment = await confirmWhenKnown(gateway, input);
      if (shipment.__typename !== "Shipment") throw new Error(JSON.stringify(shipment));
      return shipment.id;
    };
    const confirmed = [await confirm(1), await confirm(2), await confirm(3)];
    const shipments = async (first: number, after: string | null) => {
      const { order } = await execute(gateway, ORDER_SHIPMENT_PAGE, { id: orderId, first, after });
      if (!order) throw new Error(`no order ${orderId}`);
      return order.shipments;
    };
    const { rows, pages } = await walk(
      (after) => shipments(2, after),
      async () => confirmed.push(await confirm(confirmed.length + 1)),
    );
    // Oldest first: the shipment confirmed after the first page comes after its cursor.
    expect(pages).toBe(2);
    expect(rows.map((row) => row.id)).toEqual(confirmed);
    const all = await shipments(PAGE_SIZE.max, null);
    expect(all.edges.map((edge) => edge.node.id)).toEqual(confirmed);
  });

  it("refuses a page size outside 1 to the maximum and a malformed cursor, naming the argument", async () => {
    const { orderId } = await placeDemoOrder(gateway, [
      { sku: "MUG-1", quantity: 1, unitPrice: "10.00", taxRate: "20" },
    ]);
    const refused = async (query: string, variables: Record<string, unknown> = {}) => {
      const answer = await request(gateway, query, variables);
      expect(answer.status).toBe(200);
      return answer.errors?.map((error) => [error.extensions?.code, error.message]);
    };
    for (const first of [0, -1, PAGE_SIZE.max + 1, 2 ** 31 - 1]) {
      expect(await refused(`{ orders(first: ${first}) { edges { node { id } } } }`)).toEqual([
        ["BAD_USER_INPUT", `first must be between 1 and ${PAGE_SIZE.max}, got ${first}`],
      ]);
      // A list another subgraph contributes to an entity refuses alike.
      expect(
        await refused(
          `query ($id: ID!) { order(id: $id) { id shipments(first: ${first}) { edges { node { id } } } } }`,
          { id: orderId },
        ),
      ).toEqual([["BAD_USER_INPUT", `first must be between 1 and ${PAGE_SIZE.max}, got ${first}`]]);
    }
    const { orders } = await execute(gateway, ORDER_PAGE, {
      customerId: (
        await placeDemoOrder(gateway, [
          { sku: "MUG-1", quantity: 1, unitPrice: "10.00", taxRate: "20" },
        ])
      ).customerId,
      first: 1,
    });
    const ordersCursor = orders.edges[0]?.cursor ?? "";
    for (const after of ["garbage!", "e30", ordersCursor]) {
      expect(
        await refused(
          `query ($after: String) { customers(after: $after) { edges { node { id } } } }`,
          {
            after,
          },
        ),
      ).toEqual([["BAD_USER_INPUT", "after is not a cursor of this list"]]);
    }
  });
});
