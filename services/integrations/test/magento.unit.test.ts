import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import type { DocumentLine, FinanceDocument } from "../src/connectors/documents.ts";
import { errorText } from "../src/connectors/magento/client.ts";
import { magentoConfig } from "../src/connectors/magento/config.ts";
import { planMemos } from "../src/connectors/magento/credit-memo.ts";
import { magentoMapping } from "../src/connectors/magento/mapping.ts";
import { decimalText, orderInput } from "../src/connectors/magento/order-input.ts";
import { incrementIdOf, type MagentoOrder } from "../src/connectors/magento/order.ts";
import { ordersAfter } from "../src/connectors/magento/pull.ts";
import { searchQuery } from "../src/connectors/magento/search-criteria.ts";
import { NotForThisSystem } from "../src/connectors/outcome.ts";

const MAPPING = {
  channel: "magento",
  carriers: { UPS: { carrierCode: "ups", title: "United Parcel Service" } },
  sources: { "WH-1": "ams_source" },
};

let dir: string;
let mappingPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-magento-unit-"));
  mappingPath = join(dir, "mapping.json");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = (): NodeJS.ProcessEnv => ({
  MAGENTO_URL: "https://shop.example.com/",
  MAGENTO_ACCESS_TOKEN: "integration-token",
  MAGENTO_MAPPING_FILE: mappingPath,
  MAGENTO_ORDERS_SINCE: "2026-12-01 00:00:00",
});

/** The query string as name=value pairs, decoded as PHP reads them, in order. */
const pairs = (query: string) => [...new URLSearchParams(query)];

describe("Magento configuration and mapping", () => {
  it("is switched on by name and builds the REST root, of a store view when named", () => {
    expect(connectorsConfig({ CONNECTORS: "magento" }).enabled).toEqual(["magento"]);
    const config = magentoConfig(base());
    expect(config.endpoint).toBe("https://shop.example.com/rest/V1");
    expect(magentoConfig({ ...base(), MAGENTO_STORE_CODE: "default" }).endpoint).toBe(
      "https://shop.example.com/rest/default/V1",
    );
    expect(config.token()).toBe("integration-token");
    expect(config).toMatchObject({
      pageSize: 50,
      pullMs: 10_000,
      timeoutMs: 30_000,
      concurrency: 2,
    });
  });

  it("refuses a missing token or start, a URL with /rest and a page size past 300, naming the variable", () => {
    expect(() => magentoConfig({ ...base(), MAGENTO_ACCESS_TOKEN: undefined })).toThrow(
      /MAGENTO_ACCESS_TOKEN/,
    );
    expect(() => magentoConfig({ ...base(), MAGENTO_ORDERS_SINCE: undefined })).toThrow(
      /MAGENTO_ORDERS_SINCE/,
    );
    expect(() =>
      magentoConfig({ ...base(), MAGENTO_ORDERS_SINCE: "2026-12-01T00:00:00Z" }),
    ).toThrow(/MAGENTO_ORDERS_SINCE must be a UTC time as Magento writes it/);
    expect(() =>
      magentoConfig({ ...base(), MAGENTO_URL: "https://shop.example.com/rest/V1" }),
    ).toThrow(/MAGENTO_URL must be the base URL/);
    expect(() => magentoConfig({ ...base(), MAGENTO_PAGE_SIZE: "500" })).toThrow(
      /MAGENTO_PAGE_SIZE/,
    );
  });

  it("takes a mapping with carriers and sources, refusing unknown keys", () => {
    expect(magentoMapping.parse(MAPPING).notifyCustomer).toBe(false);
    expect(magentoMapping.safeParse({ ...MAPPING, locations: {} }).success).toBe(false);
    expect(
      magentoMapping.safeParse({ ...MAPPING, carriers: { UPS: { carrierCode: "ups" } } }).success,
    ).toBe(false);
  });

  it("sends only orders of the mapping's channel, by their increment id", () => {
    const mapping = magentoMapping.parse(MAPPING);
    const ours = { id: "ord_1", channel: "magento", externalReference: "000000042" };
    expect(incrementIdOf(ours, mapping, "ships")).toBe("000000042");
    expect(() =>
      incrementIdOf({ ...ours, channel: "web", externalReference: null }, mapping, "ships"),
    ).toThrow(NotForThisSystem);
  });
});

describe("Magento searches and errors", () => {
  it("writes searchCriteria as the REST API reads them: one filter group per filter, sort orders, page", () => {
    expect(
      pairs(
        searchQuery({
          filters: [{ field: "increment_id", value: "000000042", condition: "eq" }],
          sortOrders: [{ field: "updated_at", direction: "ASC" }],
          pageSize: 20,
          currentPage: 3,
        }),
      ),
    ).toEqual([
      ["searchCriteria[filter_groups][0][filters][0][field]", "increment_id"],
      ["searchCriteria[filter_groups][0][filters][0][value]", "000000042"],
      ["searchCriteria[filter_groups][0][filters][0][condition_type]", "eq"],
      ["searchCriteria[sortOrders][0][field]", "updated_at"],
      ["searchCriteria[sortOrders][0][direction]", "ASC"],
      ["searchCriteria[pageSize]", "20"],
      ["searchCriteria[currentPage]", "3"],
    ]);
  });

  it("searches after the watermark: updated_at >= A and (updated_at > A or entity_id > X), in that order", () => {
    expect(pairs(ordersAfter("2026-12-02 09:00:05", 17, 50))).toEqual([
      ["searchCriteria[filter_groups][0][filters][0][field]", "updated_at"],
      ["searchCriteria[filter_groups][0][filters][0][value]", "2026-12-02 09:00:05"],
      ["searchCriteria[filter_groups][0][filters][0][condition_type]", "gteq"],
      ["searchCriteria[filter_groups][1][filters][0][field]", "updated_at"],
      ["searchCriteria[filter_groups][1][filters][0][value]", "2026-12-02 09:00:05"],
      ["searchCriteria[filter_groups][1][filters][0][condition_type]", "gt"],
      ["searchCriteria[filter_groups][1][filters][1][field]", "entity_id"],
      ["searchCriteria[filter_groups][1][filters][1][value]", "17"],
      ["searchCriteria[filter_groups][1][filters][1][condition_type]", "gt"],
      ["searchCriteria[sortOrders][0][field]", "updated_at"],
      ["searchCriteria[sortOrders][0][direction]", "ASC"],
      ["searchCriteria[sortOrders][1][field]", "entity_id"],
      ["searchCriteria[sortOrders][1][direction]", "ASC"],
      ["searchCriteria[pageSize]", "50"],
      ["searchCriteria[currentPage]", "1"],
    ]);
  });

  it("reads Magento's errors with their placeholders filled", () => {
    expect(
      errorText({
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: "Magento_Sales::sales" },
      }),
    ).toBe("The consumer isn't authorized to access Magento_Sales::sales.");
    expect(
      errorText({
        message: "Validation Failed",
        errors: [{ message: 'Source item with SKU "%1" is invalid.', parameters: ["SKU-MUG"] }],
      }),
    ).toBe('Validation Failed; Source item with SKU "SKU-MUG" is invalid.');
  });
});

const magentoOrder = (items: Partial<MagentoOrder["items"][number]>[]): MagentoOrder => ({
  entity_id: 7,
  increment_id: "000000042",
  state: "processing",
  updated_at: "2026-12-02 09:00:00",
  order_currency_code: "EUR",
  customer_email: " Ada@Example.com ",
  customer_firstname: "Ada",
  customer_lastname: "Lovelace",
  items: items.map((item, index) => ({
    item_id: 100 + index,
    sku: "SKU-MUG",
    qty_ordered: 1,
    price: 10,
    tax_percent: 20,
    ...item,
  })),
});

describe("Magento orders in Waybill's terms", () => {
  it("keeps a JSON number's decimal as text, dropping Magento's zeros past the minor unit", () => {
    expect(decimalText(12.5, 2, "price")).toBe("12.5");
    expect(decimalText(19.99, 2, "price")).toBe("19.99");
    expect(decimalText(7, 2, "price")).toBe("7");
    expect(() => decimalText(1.005, 2, "price")).toThrow(/more than 2 decimals/);
    expect(() => decimalText(-1, 2, "price")).toThrow(/not a non-negative decimal/);
  });

  it("places top-level items as lines, net of an even discount, with their tax rate", () => {
    const input = orderInput(
      magentoOrder([
        { sku: "SKU-MUG", qty_ordered: 2, price: 12.5, discount_amount: 5, tax_percent: 20 },
        { item_id: 200, sku: "SKU-TEE", qty_ordered: 1, price: 20, product_type: "configurable" },
        { item_id: 201, sku: "SKU-TEE", qty_ordered: 1, price: 0, parent_item_id: 200 },
      ]),
      "magento",
    );
    expect(input).toEqual({
      customer: { email: "ada@example.com", name: "Ada Lovelace" },
      channel: "magento",
      externalReference: "000000042",
      currency: "EUR",
      lines: [
        { sku: "SKU-MUG", quantity: 2, unitPrice: "10.00", taxRate: "20" },
        { sku: "SKU-TEE", quantity: 1, unitPrice: "20.00", taxRate: "20" },
      ],
    });
  });

  it("refuses what Waybill cannot take as it is, saying why", () => {
    expect(orderInput(magentoOrder([{ qty_ordered: 1.5 }]), "magento")).toEqual({
      problem: "item 100 (SKU-MUG): its quantity 1.5 is not a whole number of units",
    });
    expect(orderInput(magentoOrder([{ qty_ordered: 3, discount_amount: 1 }]), "magento")).toEqual({
      problem: "item 100 (SKU-MUG): its discount does not spread evenly over its units",
    });
    expect(orderInput({ ...magentoOrder([{}]), customer_email: "" }, "magento")).toEqual({
      problem: "the order has no customer_email",
    });
  });
});

const line = (index: number, code: string, quantity: number, restock: number): DocumentLine => ({
  lineId: `l${index}`,
  orderLineIndex: index,
  code,
  kind: "product",
  quantity: -quantity,
  unitPrice: { amount: "10.00", currency: "EUR" },
  taxRate: "20",
  restock,
});

const creditNote = (lines: DocumentLine[]): FinanceDocument => ({
  kind: "credit_note",
  id: "cn_1",
  number: "CN-2026-000001",
  customerId: "cus_1",
  currency: "EUR",
  issuedAt: "2026-12-03T11:00:00.000Z",
  order: { id: "ord_1", channel: "magento", externalReference: "000000042" },
  invoice: { id: "inv_1", number: "INV-2026-000001" },
  lines,
});

describe("credit memos of a credit note", () => {
  const order = magentoOrder([{ sku: "SKU-MUG" }, { sku: "SKU-PEN" }]);
  const shipping: DocumentLine = {
    ...line(0, "shipping", 1, 0),
    lineId: null,
    orderLineIndex: null,
    kind: "shipping",
    unitPrice: { amount: "4.95", currency: "EUR" },
  };

  it("is one memo when each line goes back to stock wholly or not at all, listing the restocked items", () => {
    expect(
      planMemos(creditNote([line(0, "SKU-MUG", 2, 2), line(1, "SKU-PEN", 3, 0), shipping]), order),
    ).toEqual([
      {
        comment: "Waybill credit note CN-2026-000001",
        items: [
          { order_item_id: 100, qty: 2 },
          { order_item_id: 101, qty: 3 },
        ],
        returnToStock: [100],
        shippingAmount: "4.95",
        adjustmentPositive: "0.00",
      },
    ]);
  });

  it("is two memos when a line is partly restocked: Magento restocks every unit of a listed item", () => {
    expect(
      planMemos(creditNote([line(0, "SKU-MUG", 3, 1), line(1, "SKU-PEN", 2, 2)]), order),
    ).toEqual([
      {
        comment: "Waybill credit note CN-2026-000001 (restocked)",
        items: [
          { order_item_id: 100, qty: 1 },
          { order_item_id: 101, qty: 2 },
        ],
        returnToStock: [100, 101],
        shippingAmount: "0.00",
        adjustmentPositive: "0.00",
      },
      {
        comment: "Waybill credit note CN-2026-000001 (not restocked)",
        items: [{ order_item_id: 100, qty: 2 }],
        returnToStock: [],
        shippingAmount: "0.00",
        adjustmentPositive: "0.00",
      },
    ]);
  });

  it("parks a note whose line is not the order's item at that position", () => {
    expect(() => planMemos(creditNote([line(0, "SKU-PEN", 1, 0)]), order)).toThrow(
      /has no item 1 for SKU-PEN \(it is SKU-MUG\)/,
    );
  });
});
