import { describe, expect, it } from "vitest";
import { mapWoocommerceOrder } from "../src/sources/woocommerce/mapping.ts";
import { woocommerceOrder, type WoocommerceOrder } from "../src/sources/woocommerce/payload.ts";

/** An order as the REST API v3 writes it (https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties). */
function order(change: (order: Record<string, unknown>) => void = () => {}): WoocommerceOrder {
  const json: Record<string, unknown> = {
    id: 727,
    number: "727",
    status: "processing",
    currency: "USD",
    prices_include_tax: false,
    date_paid: "2026-12-03T09:00:00",
    billing: { first_name: "Wendy", last_name: "Woo", email: " Wendy@Example.com " },
    line_items: [
      {
        id: 315,
        name: "Mug",
        product_id: 93,
        variation_id: 0,
        quantity: 2,
        subtotal: "40.000000",
        total: "36.00",
        sku: "MUG-1",
        price: 18,
        taxes: [
          { id: 75, total: "2.16", subtotal: "2.40" },
          { id: 76, total: "0.9450", subtotal: "1.05" },
          { id: 77, total: "", subtotal: "" },
        ],
      },
    ],
    tax_lines: [
      { id: 318, rate_code: "US-NY-STATE", rate_id: 75, label: "State", rate_percent: 6 },
      { id: 319, rate_code: "US-NY-CITY", rate_id: 76, label: "City", rate_percent: 2.625 },
      { id: 320, rate_code: "US-NY-OTHER", rate_id: 77, label: "Other", rate_percent: 1 },
    ],
  };
  change(json);
  return woocommerceOrder.parse(json);
}

describe("WooCommerce order mapping", () => {
  it("maps net unit prices after coupons and adds up the rates that taxed each line", () => {
    expect(mapWoocommerceOrder(order())).toEqual({
      reference: "727",
      email: "wendy@example.com",
      customerName: "Wendy Woo",
      currency: "USD",
      lines: [{ sku: "MUG-1", quantity: 2, unitPrice: "18.00", taxRate: "8.625" }],
    });
  });

  it("takes an untaxed line as 0 percent and a zero-decimal currency's padded totals", () => {
    const mapped = mapWoocommerceOrder(
      order((json) => {
        json["currency"] = "JPY";
        const [line] = json["line_items"] as Record<string, unknown>[];
        Object.assign(line ?? {}, { total: "3000.00", taxes: [] });
      }),
    );
    expect(mapped).toMatchObject({ lines: [{ unitPrice: "1500", taxRate: "0" }] });
  });

  it("names what it cannot take", () => {
    const problem = (change: (json: Record<string, unknown>) => void) => {
      const mapped = mapWoocommerceOrder(order(change));
      return "problem" in mapped ? mapped.problem : "mapped";
    };
    const line = (json: Record<string, unknown>) =>
      (json["line_items"] as Record<string, unknown>[])[0] ?? {};
    expect(problem((json) => (line(json)["total"] = "36.01"))).toContain("does not spread evenly");
    expect(problem((json) => (line(json)["sku"] = " "))).toContain("has no SKU");
    expect(problem((json) => (json["billing"] = { email: "" }))).toContain("no billing email");
    expect(problem((json) => (json["currency"] = "XYZ"))).toContain("unknown ISO 4217 currency");
    expect(
      problem((json) => {
        const [first] = json["tax_lines"] as Record<string, unknown>[];
        if (first) delete first["rate_percent"];
      }),
    ).toContain("tax rate 75 has no rate_percent");
    expect(problem((json) => (json["line_items"] = []))).toContain("no line items");
  });
});
