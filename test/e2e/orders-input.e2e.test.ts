import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, request } from "../support/graphql.ts";
import {
  CREATE_CUSTOMER,
  PLACE_ORDER,
  placeDemoOrder,
  type PlaceOrderData,
} from "../support/operations.ts";
import {
  ASSIGN_CASE,
  CANCEL_ORDER,
  cancelOrder,
  cancelOrderLine,
  COMMENT_CASE,
  createCatalog,
  ORDER_LINES,
  RESOLVE_CASE,
  serviceView,
  type CaseResult,
} from "../support/orders-operations.ts";
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
    const { createCustomer } = await execute<{ createCustomer: { id: string } }>(
      gateway,
      CREATE_CUSTOMER,
      { input: { name: "Careful Customer", email } },
    );
    const place = async (lines: unknown[], change: Record<string, unknown> = {}) =>
      (
        await execute<PlaceOrderData>(gateway, PLACE_ORDER, {
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

    const wrongType = await request(gateway, PLACE_ORDER, {
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
    const { orders } = await execute<{ orders: { id: string }[] }>(
      gateway,
      "query Orders($customerId: ID) { orders(customerId: $customerId) { id } }",
      { customerId: createCustomer.id },
    );
    expect(orders).toEqual([]);

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
    const wrongReason = await request(gateway, CANCEL_ORDER, { input: { orderId, reason: 42 } });
    expect(wrongReason.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const untouched = await serviceView(gateway, orderId);
    expect(untouched?.fulfilmentStatus).toBe("UNFULFILLED");
    expect(untouched?.timeline.map((entry) => entry.kind)).toEqual(["ORDER_PLACED"]);

    for (const [document, variables] of [
      [ASSIGN_CASE, { assignee: "agent" }],
      [COMMENT_CASE, { author: "agent", body: "hello" }],
      [RESOLVE_CASE, { resolution: "done" }],
    ] as const) {
      const answer = await execute<Record<string, CaseResult>>(gateway, document, {
        caseId: "case_missing",
        ...variables,
      });
      expect(Object.values(answer)[0]).toMatchObject({
        __typename: "ServiceCaseNotFoundError",
        code: "SERVICE_CASE_NOT_FOUND",
      });
    }
    const emptyAssignee = await execute<{ assignServiceCase: CaseResult }>(gateway, ASSIGN_CASE, {
      caseId: "case_missing",
      assignee: " ",
    });
    expect(emptyAssignee.assignServiceCase).toMatchObject({ code: "INVALID_SERVICE_CASE" });
    const wrongAssignee = await request(gateway, ASSIGN_CASE, {
      caseId: "case_missing",
      assignee: 7,
    });
    expect(wrongAssignee.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
