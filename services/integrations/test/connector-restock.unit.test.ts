import { describe, expect, it } from "vitest";
import { restockedUnits } from "../src/connectors/hub-read.ts";

// What a storefront puts back on its shelf from a credit note: the return's RESTOCK units only,
// and each unit once even when the return reached two invoices.
describe("units a credit note restocks", () => {
  it("counts only the units received with the RESTOCK disposition", () => {
    const units = restockedUnits("cn_1", {
      id: "ret_1",
      lines: [
        { lineId: "l1", received: 2, disposition: "RESTOCK" },
        { lineId: "l2", received: 3, disposition: "SCRAP" },
      ],
      creditNotes: [
        {
          id: "cn_1",
          lines: [
            { lineId: "l1", quantity: 2 },
            { lineId: "l2", quantity: 3 },
          ],
        },
      ],
    });
    expect(Object.fromEntries(units)).toEqual({ l1: 2, l2: 0 });
  });

  it("shares a line's restocked units over the return's credit notes in billing's order", () => {
    // Five mugs shipped on two invoices (3 + 2), four came back sellable, one broken.
    const returned = {
      id: "ret_1",
      lines: [{ lineId: "l1", received: 4, disposition: "RESTOCK" }],
      creditNotes: [
        { id: "cn_1", lines: [{ lineId: "l1", quantity: 3 }] },
        { id: "cn_2", lines: [{ lineId: "l1", quantity: 2 }] },
      ],
    };
    expect(restockedUnits("cn_1", returned).get("l1")).toBe(3);
    expect(restockedUnits("cn_2", returned).get("l1")).toBe(1);
  });

  it("restocks nothing for a credit note of no return (a voided shipment)", () => {
    expect(restockedUnits("cn_1", null).size).toBe(0);
  });
});
