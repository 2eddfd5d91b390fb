import { describe, expect, it } from "vitest";
import { formatMoney } from "./money.ts";

describe("money in the console", () => {
  it("keeps every digit of the decimal string, in the currency's own digits", () => {
    expect(formatMoney({ amount: "19.99", currency: "EUR" }, "en-GB")).toBe("€19.99");
    expect(formatMoney({ amount: "1234", currency: "JPY" }, "ja-JP")).toBe("￥1,234");
    expect(formatMoney({ amount: "0.500", currency: "KWD" }, "en-US")).toBe("KWD\u00a00.500");
    // Beyond the 15 to 17 digits a float keeps: through a float this prints …920.00.
    expect(formatMoney({ amount: "90071992547409925.01", currency: "USD" }, "en-US")).toBe(
      "$90,071,992,547,409,925.01",
    );
    expect(formatMoney({ amount: "-4.90", currency: "EUR" }, "de-DE")).toBe("-4,90\u00a0€");
  });

  it("shows what it cannot read as it came", () => {
    expect(formatMoney({ amount: "n/a", currency: "EUR" }, "en-GB")).toBe("n/a EUR");
  });
});
