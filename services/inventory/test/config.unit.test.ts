import { ConfigError } from "@waybill/config";
import { describe, expect, it } from "vitest";
import { inventoryConfig } from "../src/config.ts";

describe("inventory configuration", () => {
  it("defaults the variance threshold to 10 units and reads a whole number", () => {
    expect(inventoryConfig({})).toEqual({ varianceThreshold: 10 });
    expect(inventoryConfig({ STOCK_VARIANCE_THRESHOLD: "0" })).toEqual({ varianceThreshold: 0 });
  });

  it.each(["-1", "2.5", "many"])("refuses STOCK_VARIANCE_THRESHOLD=%s, naming it", (value) => {
    expect(() => inventoryConfig({ STOCK_VARIANCE_THRESHOLD: value })).toThrow(ConfigError);
    expect(() => inventoryConfig({ STOCK_VARIANCE_THRESHOLD: value })).toThrow(
      /STOCK_VARIANCE_THRESHOLD/,
    );
  });
});
