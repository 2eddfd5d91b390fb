import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { cents, decimal } from "../src/connectors/edi/amounts.ts";
import { ediConfig } from "../src/connectors/edi/config.ts";
import { ediMapping } from "../src/connectors/edi/mapping.ts";
import { mappingFile } from "../src/connectors/mapping-file.ts";
import { ConnectorError } from "../src/connectors/outcome.ts";
import { edifactPartner, x12Partner } from "./fixtures/edi.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-edi-mapping-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dirs = { outbound: "/srv/edi/out", inbound: "/srv/edi/in" };

async function load(content: unknown) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, typeof content === "string" ? content : JSON.stringify(content));
  return () => mappingFile("EDI_MAPPING_FILE", path, ediMapping).current();
}

describe("EDI settings", () => {
  it("takes a mapping of X12 and EDIFACT partners", async () => {
    const read = await load({
      partners: { cus_1: x12Partner("ACME", dirs), cus_2: edifactPartner("EURO", dirs) },
    });
    expect(Object.keys(read().partners)).toEqual(["cus_1", "cus_2"]);
  });

  it.each([
    ["not JSON", "{ partners", /EDI_MAPPING_FILE: .* is not JSON/],
    [
      "an unknown field",
      { partners: { cus_1: { ...x12Partner("ACME", dirs), colour: "red" } } },
      /partners\.cus_1: Unrecognized key: "colour"/,
    ],
    [
      "an unknown top-level field",
      { partners: {}, sender: "WAYBILL" },
      /EDI_MAPPING_FILE: .*: : Unrecognized key: "sender"/,
    ],
    [
      "an unknown format",
      { partners: { cus_1: { ...x12Partner("ACME", dirs), format: "xml" } } },
      /partners\.cus_1\.format/,
    ],
    [
      "an X12 partner without its 997 directory",
      { partners: { cus_1: { ...x12Partner("ACME", dirs), inbound: undefined } } },
      /partners\.cus_1\.inbound/,
    ],
    [
      "an ISA qualifier of three characters",
      {
        partners: {
          cus_1: {
            ...x12Partner("ACME", dirs),
            isa: { ...(x12Partner("ACME", dirs) as { isa: object }).isa, senderQualifier: "ZZZ" },
          },
        },
      },
      /partners\.cus_1\.isa\.senderQualifier/,
    ],
    [
      "an item qualifier the connector does not know",
      {
        partners: {
          cus_1: {
            ...x12Partner("ACME", dirs),
            items: { "SKU-MUG": [{ qualifier: "XX", id: "1" }] },
          },
        },
      },
      /partners\.cus_1\.items\.SKU-MUG\.0\.qualifier/,
    ],
    [
      "an id with an X12 separator",
      {
        partners: {
          cus_1: {
            ...x12Partner("ACME", dirs),
            items: { "SKU-MUG": [{ qualifier: "BP", id: "A*1" }] },
          },
        },
      },
      /items\.SKU-MUG\.0\.id: letters, digits/,
    ],
    [
      "a partner name for no file",
      { partners: { cus_1: x12Partner("AC ME", dirs) } },
      /partner: 1-32/,
    ],
  ])(
    "refuses %s with a ConfigError naming the variable and the field",
    async (_, content, message) => {
      const read = await load(content);
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(message);
    },
  );

  it("refuses a missing file and a missing variable", () => {
    const read = () => mappingFile("EDI_MAPPING_FILE", join(dir, "none.json"), ediMapping);
    expect(read).toThrow(/EDI_MAPPING_FILE: cannot read/);
    expect(() => ediConfig({})).toThrow(/EDI_MAPPING_FILE is required/);
    expect(() => ediConfig({ EDI_MAPPING_FILE: "/x", EDI_CONCURRENCY: "0" })).toThrow(
      /EDI_CONCURRENCY must be above 0/,
    );
    expect(connectorsConfig({ CONNECTORS: "edi" }).enabled).toEqual(["edi"]);
  });
});

describe("EDI amounts", () => {
  it("turns decimal strings into cents and back without a float", () => {
    expect(cents("12.5")).toBe(1250n);
    expect(cents("0.07")).toBe(7n);
    expect(cents("-35.00")).toBe(-3500n);
    expect(cents("12.500")).toBe(1250n);
    expect(cents("90071992547409.93")).toBe(9007199254740993n);
    expect(decimal(9007199254740993n)).toBe("90071992547409.93");
    expect(decimal(5n)).toBe("0.05");
    expect(decimal(-1250n)).toBe("-12.50");
  });

  it("refuses an amount with a third significant decimal rather than round it", () => {
    expect(() => cents("0.125")).toThrow(ConnectorError);
    expect(() => cents("0.125")).toThrow(/more than two decimals/);
    expect(() => cents("1e3")).toThrow(/not a decimal/);
  });
});
