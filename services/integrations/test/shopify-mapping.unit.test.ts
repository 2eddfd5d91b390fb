import { describe, expect, it } from "vitest";
import { mapShopifyOrder, toMinorPrecision } from "../src/sources/shopify/mapping.ts";
import { parseShopifyOrder, type ShopifyOrder } from "../src/sources/shopify/payload.ts";
import { fractionToPpm } from "../src/sources/shopify/tax-rate.ts";
import { MUG_LINE, shopifyOrderJson, type ShopifyLineItemFixture } from "./fixtures/shopify.ts";

function parse(json: string): ShopifyOrder {
  const parsed = parseShopifyOrder(Buffer.from(json));
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.order;
}

const order = (lineItems: ShopifyLineItemFixture[], extra: { currency?: string } = {}) =>
  parse(shopifyOrderJson({ id: "450789469", email: "Bob@Example.com", lineItems, ...extra }));

describe("Shopify orders/create payload", () => {
  it("keeps 64-bit order ids exact: two ids that round to the same float stay apart", () => {
    const a = parse(
      shopifyOrderJson({ id: "9007199254740993", email: "a@b.co", lineItems: [MUG_LINE] }),
    );
    const b = parse(
      shopifyOrderJson({ id: "9007199254740992", email: "a@b.co", lineItems: [MUG_LINE] }),
    );
    expect(a.id).toBe("9007199254740993");
    expect(b.id).toBe("9007199254740992");
  });

  it("reports malformed JSON and wrong shapes with the path at fault", () => {
    expect(parseShopifyOrder(Buffer.from("{not json"))).toEqual({
      problem: "body is not valid JSON",
    });
    const zero = parseShopifyOrder(
      Buffer.from(
        shopifyOrderJson({ id: "1", email: "a@b.co", lineItems: [{ ...MUG_LINE, quantity: 0 }] }),
      ),
    );
    expect(zero).toMatchObject({
      problem: expect.stringContaining("line_items.0.quantity") as unknown,
    });
    const floatPrice = JSON.stringify({
      id: 1,
      currency: "EUR",
      line_items: [{ ...MUG_LINE, price: 19.99 }],
    });
    expect(parseShopifyOrder(Buffer.from(floatPrice))).toMatchObject({
      problem: expect.stringContaining("line_items.0.price") as unknown,
    });
  });
});

describe("mapping a Shopify order", () => {
  it("maps lines, the customer and the tax rate as a percent string", () => {
    expect(mapShopifyOrder(order([MUG_LINE]))).toEqual({
      reference: "450789469",
      email: "bob@example.com",
      customerName: "Bob Norman",
      currency: "EUR",
      lines: [{ sku: "MUG-1", quantity: 2, unitPrice: "19.99", taxRate: "20" }],
      lineItemIds: ["866550311766439000"],
    });
  });

  it("adds several tax lines without float drift (0.06 + 0.02875 = 8.875 %)", () => {
    const item = {
      ...MUG_LINE,
      tax_lines: [
        { rate: 0.06, price: "2.40", title: "State" },
        { rate: 0.02875, price: "1.15", title: "County" },
      ],
    };
    const mapped = mapShopifyOrder(order([item]));
    expect(mapped).toMatchObject({ lines: [{ taxRate: "8.875" }] });
  });

  it("spreads an even line discount over the unit price, and refuses an uneven one", () => {
    expect(mapShopifyOrder(order([{ ...MUG_LINE, total_discount: "2.00" }]))).toMatchObject({
      lines: [{ unitPrice: "18.99" }],
    });
    expect(mapShopifyOrder(order([{ ...MUG_LINE, total_discount: "0.01" }]))).toMatchObject({
      problem: expect.stringContaining("discount") as unknown,
    });
  });

  it("accepts Shopify's two decimals for zero-decimal currencies and refuses real excess", () => {
    expect(
      mapShopifyOrder(order([{ ...MUG_LINE, price: "1500.00" }], { currency: "JPY" })),
    ).toMatchObject({
      lines: [{ unitPrice: "1500" }],
    });
    expect(toMinorPrecision("19.990", "EUR")).toBe("19.99");
    expect(mapShopifyOrder(order([{ ...MUG_LINE, price: "19.995" }]))).toMatchObject({
      problem: expect.stringContaining("decimals") as unknown,
    });
  });

  it("refuses what it cannot take as it is: no SKU, tax-inclusive prices, no customer email", () => {
    expect(mapShopifyOrder(order([{ ...MUG_LINE, sku: null }]))).toMatchObject({
      problem: expect.stringContaining("has no SKU") as unknown,
    });
    const inclusive = parse(
      shopifyOrderJson({ id: "2", email: "a@b.co", lineItems: [MUG_LINE], taxesIncluded: true }),
    );
    expect(mapShopifyOrder(inclusive)).toMatchObject({
      problem: expect.stringContaining("taxes_included") as unknown,
    });
    const anonymous = { ...order([MUG_LINE]), email: null, customer: null };
    expect(mapShopifyOrder(anonymous)).toMatchObject({
      problem: expect.stringContaining("email") as unknown,
    });
  });
});

describe("Shopify tax rate fraction to parts per million", () => {
  it.each([
    [0.2, 200_000],
    [0.07, 70_000],
    [0.08875, 88_750],
    [0.000001, 1],
    [1, 1_000_000],
    [0, 0],
    [0.0025, 2_500],
  ])("%d -> %d ppm", (rate, ppm) => {
    expect(fractionToPpm(rate)).toBe(ppm);
  });

  it("gives the exact parts per million for every rate with at most six decimals", () => {
    for (let ppm = 0; ppm < 1_000_000; ppm += 7_919) {
      expect(fractionToPpm(Number(`0.${String(ppm).padStart(6, "0")}`))).toBe(ppm);
    }
  });

  it("refuses float noise, rates above 1 and negative rates", () => {
    expect(() => fractionToPpm(0.1 + 0.2)).toThrow(/precision/);
    expect(() => fractionToPpm(1.5)).toThrow(/above 1/);
    expect(() => fractionToPpm(-0.1)).toThrow(RangeError);
    expect(() => fractionToPpm(1e-7)).toThrow(/precision/);
  });
});
