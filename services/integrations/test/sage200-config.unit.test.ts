import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FinanceDocument } from "../src/connectors/documents.ts";
import { mappingFile } from "../src/connectors/mapping-file.ts";
import { ConnectorError } from "../src/connectors/outcome.ts";
import { Decimal, jsonWithDecimals } from "../src/connectors/sage200/client.ts";
import { sage200Config } from "../src/connectors/sage200/config.ts";
import { type Sage200Mapping, sage200Mapping } from "../src/connectors/sage200/mapping.ts";
import { salesPostingOf } from "../src/connectors/sage200/sales-ledger.ts";

const MAPPING: Sage200Mapping = {
  customers: { cus_1: "ACME01" },
  stockCodes: { "SKU-MUG": "MUG-01" },
  warehouses: { "WH-1": "Main" },
  couriers: { UPS: 3 },
  taxCodes: { "20": 1, "5": 2 },
  shippingTax: { taxCode: 1, rate: "20" },
  nominalCodes: {
    goods: { code: "4000", costCentre: "", department: "" },
    shipping: { code: "4905", costCentre: "", department: "" },
    charges: {},
  },
  salesOrderChannel: "sage200",
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-sage200-config-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  SAGE200_URL: "https://api.columbus.sage.com/uk/sage200/accounts/v1/",
  SAGE200_TOKEN_URL: "https://id.sage.com/oauth/token",
  SAGE200_CLIENT_ID: "client",
  SAGE200_CLIENT_SECRET: "secret",
  SAGE200_REFRESH_TOKEN: "refresh",
  SAGE200_SITE_ID: "site",
  SAGE200_COMPANY_ID: "42",
  SAGE200_MAPPING_FILE: join(dir, "mapping.json"),
  ...overrides,
});

describe("Sage 200 configuration", () => {
  it("reads a complete configuration, with the base URL's trailing slash dropped", () => {
    const config = sage200Config(env());
    expect(config).toMatchObject({
      url: "https://api.columbus.sage.com/uk/sage200/accounts/v1",
      siteId: "site",
      companyId: "42",
      timeoutMs: 30_000,
      concurrency: 2,
    });
    expect(config.clientSecret()).toBe("secret");
    expect(config.refreshToken.current()).toBe("refresh");
  });

  it.each([
    ["SAGE200_URL", /SAGE200_URL/],
    ["SAGE200_TOKEN_URL", /SAGE200_TOKEN_URL/],
    ["SAGE200_CLIENT_ID", /SAGE200_CLIENT_ID is required/],
    ["SAGE200_SITE_ID", /SAGE200_SITE_ID is required/],
    ["SAGE200_COMPANY_ID", /SAGE200_COMPANY_ID is required/],
    ["SAGE200_MAPPING_FILE", /SAGE200_MAPPING_FILE is required/],
    [
      "SAGE200_CLIENT_SECRET",
      /SAGE200_CLIENT_SECRET \(or SAGE200_CLIENT_SECRET_FILE\) is required/,
    ],
    [
      "SAGE200_REFRESH_TOKEN",
      /SAGE200_REFRESH_TOKEN \(or SAGE200_REFRESH_TOKEN_FILE\) is required/,
    ],
  ])("has no default for %s and names it when it is missing", (variable, message) => {
    expect(() => sage200Config(env({ [variable]: undefined }))).toThrow(message);
  });

  it("refuses a secret given both inline and as a file, and a bad number", () => {
    expect(() => sage200Config(env({ SAGE200_CLIENT_SECRET_FILE: join(dir, "secret") }))).toThrow(
      "set SAGE200_CLIENT_SECRET or SAGE200_CLIENT_SECRET_FILE, not both",
    );
    expect(() => sage200Config(env({ SAGE200_CONCURRENCY: "0" }))).toThrow(
      "SAGE200_CONCURRENCY must be above 0",
    );
  });

  it("keeps a rotated refresh token, written back to its file", async () => {
    const file = join(dir, "refresh");
    await writeFile(file, "refresh-1\n");
    const config = sage200Config(
      env({ SAGE200_REFRESH_TOKEN: undefined, SAGE200_REFRESH_TOKEN_FILE: file }),
    );
    expect(config.refreshToken.current()).toBe("refresh-1");
    config.refreshToken.replace("refresh-2");
    expect(config.refreshToken.current()).toBe("refresh-2");
    expect((await readFile(file, "utf8")).trim()).toBe("refresh-2");
  });
});

describe("Sage 200 mapping", () => {
  it("validates at start-up, naming the variable and the bad entries", async () => {
    const path = join(dir, "mapping.json");
    await writeFile(path, JSON.stringify(MAPPING));
    expect(mappingFile("SAGE200_MAPPING_FILE", path, sage200Mapping).current()).toEqual(MAPPING);
    await writeFile(path, JSON.stringify({ ...MAPPING, couriers: { UPS: "3" }, extra: true }));
    const refused = (() => {
      try {
        mappingFile("SAGE200_MAPPING_FILE", path, sage200Mapping);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect(String(refused)).toMatch(/SAGE200_MAPPING_FILE: .*couriers\.UPS/);
    expect(String(refused)).toMatch(/Unrecognized key.*extra/);
  });

  it("needs the shipping tax's rate and nominal codes Sage can hold", () => {
    expect(sage200Mapping.safeParse({ ...MAPPING, shippingTax: { taxCode: 1 } }).success).toBe(
      false,
    );
    expect(
      sage200Mapping.safeParse({
        ...MAPPING,
        nominalCodes: {
          ...MAPPING.nominalCodes,
          goods: { code: "400000000", costCentre: "", department: "" },
        },
      }).success,
    ).toBe(false);
    const withoutChannel: Record<string, unknown> = { ...MAPPING };
    delete withoutChannel["salesOrderChannel"];
    expect(sage200Mapping.safeParse(withoutChannel).success).toBe(false);
  });
});

const invoice = (lines: FinanceDocument["lines"]): FinanceDocument => ({
  kind: "invoice",
  id: "inv_1",
  number: "INV-2026-000001",
  customerId: "cus_1",
  currency: "GBP",
  issuedAt: "2026-12-03T10:00:00.000Z",
  order: { id: "ord_1", channel: "web", externalReference: null },
  invoice: null,
  lines,
});
const mugs = (
  quantity: number,
  price: string,
  taxRate = "20",
): FinanceDocument["lines"][number] => ({
  lineId: "l1",
  orderLineIndex: 0,
  code: "SKU-MUG",
  kind: "product",
  quantity,
  unitPrice: { amount: price, currency: "GBP" },
  taxRate,
  restock: 0,
});

describe("Sage 200 sales ledger posting", () => {
  it("reckons amounts in minor units and writes them as number literals of their digits", () => {
    // 3 x 0.10 is 0.30000000000000004 in floats.
    const posting = salesPostingOf(
      invoice([mugs(3, "0.10"), mugs(1, "0.05", "5")]),
      MAPPING,
      27006,
      "ord_1",
    );
    const json = JSON.parse(jsonWithDecimals(posting).replace(/:(-?\d+\.\d+)/g, ':"$1"')) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      document_goods_value: "0.35",
      // 20 % of 0.30 is 0.06; 5 % of 0.05 is 0.0025, rounded to 0.00.
      document_tax_value: "0.06",
      tax_analysis_items: [
        { id: 1, goods_amount: "0.30", tax_amount: "0.06" },
        { id: 2, goods_amount: "0.05", tax_amount: "0.00" },
      ],
    });
    expect(jsonWithDecimals({ value: new Decimal("12.50") })).toBe('{"value":12.50}');
  });

  it("names every unmapped value at once", () => {
    const document = {
      ...invoice([mugs(1, "1.00", "7"), { ...mugs(1, "1.00"), code: "SKU-PEN" }]),
      customerId: "cus_9",
    };
    const refused = (() => {
      try {
        salesPostingOf(document, MAPPING, 27006, "ord_1");
        return null;
      } catch (error) {
        return error as ConnectorError;
      }
    })();
    expect(refused).toBeInstanceOf(ConnectorError);
    expect(refused).toMatchObject({ kind: "parked", category: "missing_reference" });
    expect(refused?.message).toBe(
      "unmapped: customer cus_9, tax code for rate 7, stock code for SKU-PEN",
    );
  });
});
