import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ASSIGN_SERVICE_CASE,
  CANCEL_ORDER,
  COMMENT_ON_SERVICE_CASE,
  CREATE_CUSTOMER,
  CUSTOMER_ORDER_IDS,
  PLACE_ORDER,
  RESOLVE_SERVICE_CASE,
} from "../documents/orders.ts";
import { execute, request, nodes } from "../support/graphql.ts";
import {
  cancelOrder,
  cancelOrderLine,
  createCatalog,
  ORDER_LINES,
  placeDemoOrder,
  serviceView,
  type OrderLineInput,
} from "../support/orders.ts";
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

describe("bad input to the orders mutations", () => {
  it("answers every refusal with a code and writes nothing", async () => {
    const email = `bad-input-${Date.now()}@example.com`;
    const { createCustomer } = await execute(gateway, CREATE_CUSTOMER, {
      input: { name: "Careful Customer", email },
    });
    const place = async (
      lines: OrderLineInput[],
      change: { customerId?: string; currency?: string } = {},
    ) =>
      (
        await execute(gateway, PLACE_ORDER, {
          input: {
            customerId: createCustomer.id,
            channel: "web",
            currency: "EUR",
            lines,
            ...change,
          },
        })
      ).placeOrder;
    const [mug] = ORDER_LINES;

    const wrongType = await request(gateway, print(PLACE_ORDER), {
      input: {
        customerId: createCustomer.id,
        channel: "web",
        currency: "EUR",
        lines: [{ ...mug, quantity: "two" }],
      },
    });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    for (const quantity of [0, -1]) {
      expect(await place([{ ...mug, quantity }])).toMatchObject({
        __typename: "InvalidOrderError",
        code: "INVALID_ORDER",
        field: "lines.0.quantity",
      });
    }
    expect(await place([{ ...mug, unitPrice: "19.999" }])).toMatchObject({
      field: "lines.0.unitPrice",
    });
    expect(await place([mug], { currency: "EURO" })).toMatchObject({ field: "currency" });
    expect(await place([])).toMatchObject({ field: "lines" });
    expect(await place([{ ...mug, sku: "NO-SUCH-SKU" }])).toMatchObject({
      __typename: "UnknownSkuError",
      code: "UNKNOWN_SKU",
    });
    expect(await place([mug], { customerId: "cus_missing" })).toMatchObject({
      __typename: "UnknownCustomerError",
    });
    const { orders } = await execute(gateway, CUSTOMER_ORDER_IDS, {
      customerId: createCustomer.id,
    });
    expect(nodes(orders)).toEqual([]);

    const { orderId } = await placeDemoOrder(gateway, ORDER_LINES);
    expect(await cancelOrder(gateway, { orderId: "ord_missing", reason: "x" })).toMatchObject({
      __typename: "OrderNotFoundError",
      code: "ORDER_NOT_FOUND",
    });
    expect(await cancelOrder(gateway, { orderId, reason: "   " })).toMatchObject({
      __typename: "InvalidOrderError",
      field: "reason",
    });
    expect(
      await cancelOrderLine(gateway, { orderId, lineId: "line_missing", reason: "x" }),
    ).toMatchObject({
      __typename: "OrderLineNotFoundError",
      code: "ORDER_LINE_NOT_FOUND",
    });
    const wrongReason = await request(gateway, print(CANCEL_ORDER), {
      input: { orderId, reason: 42 },
    });
    expect(wrongReason.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const untouched = await serviceView(gateway, orderId);
    expect(untouched?.fulfilmentStatus).toBe("UNFULFILLED");
    expect(untouched?.timeline.edges.map(({ node }) => node.kind)).toEqual(["ORDER_PLACED"]);

    const caseId = "case_missing";
    for (const send of [
      async () =>
        (await execute(gateway, ASSIGN_SERVICE_CASE, { caseId, assignee: "agent" }))
          .assignServiceCase,
      async () =>
        (
          await execute(gateway, COMMENT_ON_SERVICE_CASE, {
            caseId,
            author: "agent",
            body: "hello",
          })
        ).commentOnServiceCase,
      async () =>
        (await execute(gateway, RESOLVE_SERVICE_CASE, { caseId, resolution: "done" }))
          .resolveServiceCase,
    ]) {
      expect(await send()).toMatchObject({
        __typename: "ServiceCaseNotFoundError",
        code: "SERVICE_CASE_NOT_FOUND",
      });
    }
    const emptyAssignee = await execute(gateway, ASSIGN_SERVICE_CASE, {
      caseId: "case_missing",
      assignee: " ",
    });
    expect(emptyAssignee.assignServiceCase).toMatchObject({ code: "INVALID_SERVICE_CASE" });
    const wrongAssignee = await request(gateway, print(ASSIGN_SERVICE_CASE), {
      caseId: "case_missing",
      assignee: 7,
    });
    expect(wrongAssignee.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
