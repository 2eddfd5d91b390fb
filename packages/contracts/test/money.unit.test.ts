import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  formatAmount,
  formatTaxRate,
  minorDigits,
  parseAmount,
  parseTaxRate,
  taxOn,
} from "../src/money.ts";

describe("money", () => {
  it("knows minor units per currency", () => {
    expect(minorDigits("EUR")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
    expect(() => minorDigits("XYZ")).toThrow(/unknown currency/);
  });

  it("parses decimal strings into minor units and rejects what is not one", () => {
    expect(parseAmount("19.99", "EUR")).toBe(1999);
    expect(parseAmount("19.9", "EUR")).toBe(1990);
    expect(parseAmount("7", "EUR")).toBe(700);
    expect(parseAmount("1500", "JPY")).toBe(1500);
    expect(parseAmount("-0.05", "EUR")).toBe(-5);
    for (const bad of ["19.999", "1e3", "", ".5", "1,5", "NaN", "12.", "1500.5"]) {
      expect(() => parseAmount(bad, bad === "1500.5" ? "JPY" : "EUR")).toThrow(RangeError);
    }
  });

  it("formats and parses back every amount exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom("EUR", "JPY", "KWD"),
        (minor, currency) => {
          expect(parseAmount(formatAmount(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });

  it("round-trips tax rates in parts per million", () => {
    expect(parseTaxRate("20")).toBe(200_000);
    expect(parseTaxRate("8.875")).toBe(88_750);
    expect(formatTaxRate(88_750)).toBe("8.875");
    expect(formatTaxRate(0)).toBe("0");
    expect(() => parseTaxRate("101")).toThrow(/above 100/);
    expect(() => parseTaxRate("-1")).toThrow(RangeError);
  });

  it("rounds tax half away from zero in integers", () => {
    expect(taxOn(1999, 200_000)).toBe(400); // 399.8
    expect(taxOn(25, 200_000)).toBe(5);
    expect(taxOn(5, 100_000)).toBe(1); // 0.5 rounds up
    expect(taxOn(-5, 100_000)).toBe(-1);
    expect(taxOn(4, 100_000)).toBe(0); // 0.4 rounds down
  });
});
