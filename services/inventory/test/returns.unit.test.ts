import { RETURN_DISPOSITIONS } from "@waybill/contracts";
import { describe, expect, it } from "vitest";
import { cancelClaim } from "../src/domain/reserve.ts";
import { bookReturnedUnits, RETURN_MOVEMENTS } from "../src/domain/returns.ts";
import { shipFrom } from "../src/domain/ship.ts";
import { available } from "../src/domain/stock.ts";
import { unship } from "../src/domain/void.ts";
import { bookWith, held, levels, place } from "./support.ts";

const availableIn = (book: ReturnType<typeof bookWith>) =>
  book.stock.reduce((sum, level) => sum + available(level), 0);

describe("returned units", () => {
  it("books each disposition as its own movement kind", () => {
    expect(RETURN_DISPOSITIONS.map((disposition) => RETURN_MOVEMENTS[disposition])).toEqual([
      "RETURN_RESTOCK",
      "SCRAP",
      "VENDOR_RETURN",
    ]);
  });

  it("restocked go back on hand and fill backorders oldest first, like a receipt", () => {
    const book = bookWith({ AMS1: 1 });
    place(book, "o1", 3, 1);
    place(book, "o2", 2, 2);
    expect([held(book, "o1"), held(book, "o2")]).toEqual([
      [1, 2],
      [0, 2],
    ]);
    book.movements.length = 0;
    bookReturnedUnits(book, "AMS1", "RESTOCK", 3, "rma_1");
    expect(levels(book)).toEqual({ AMS1: [4, 4] });
    expect([held(book, "o1"), held(book, "o2")]).toEqual([
      [3, 0],
      [1, 1],
    ]);
    expect(book.movements[0]).toMatchObject({
      kind: "RETURN_RESTOCK",
      warehouse: "AMS1",
      quantity: 3,
      reference: "rma_1",
      onHandAfter: 4,
    });
    expect(book.movements.slice(1).map((m) => [m.kind, m.reference, m.quantity])).toEqual([
      ["RESERVATION", "o1", 2],
      ["RESERVATION", "o2", 1],
    ]);
  });

  it("restocked into a warehouse without stock open its level", () => {
    const book = bookWith({});
    bookReturnedUnits(book, "RET1", "RESTOCK", 2, "rma_1");
    expect(levels(book)).toEqual({ RET1: [2, 0] });
  });

  it.each(["SCRAP", "VENDOR_RETURN"] as const)(
    "%s are recorded with their quantity and change neither on hand nor available",
    (disposition) => {
      const book = bookWith({ AMS1: 2 });
      place(book, "o1", 5);
      bookReturnedUnits(book, "AMS1", disposition, 4, "rma_1");
      expect(levels(book)).toEqual({ AMS1: [2, 2] });
      expect(held(book, "o1")).toEqual([2, 3]);
      expect(book.movements.at(-1)).toMatchObject({
        kind: disposition,
        warehouse: "AMS1",
        quantity: 4,
        reference: "rma_1",
        onHandAfter: 2,
        reservedAfter: 2,
      });
    },
  );

  it("written off in a warehouse without stock leave on hand at zero, never below", () => {
    const book = bookWith({});
    bookReturnedUnits(book, "RET1", "SCRAP", 3, "rma_1");
    expect(book.stock).toEqual([]);
    expect(book.movements).toMatchObject([{ kind: "SCRAP", onHandAfter: 0, reservedAfter: 0 }]);
    expect(availableIn(book)).toBe(0);
  });

  it("none received books nothing", () => {
    const book = bookWith({ AMS1: 1 });
    bookReturnedUnits(book, "AMS1", "RESTOCK", 0, "rma_1");
    expect(book.movements).toEqual([]);
  });
});

describe("a voided shipment", () => {
  it("puts its units back on hand and reserved for the line, reopening a fulfilled line", () => {
    const book = bookWith({ AMS1: 5 });
    const claim = place(book, "o1", 3);
    shipFrom(book, claim, "AMS1", 3, "shp1");
    expect(claim.status).toBe("FULFILLED");
    expect(levels(book)).toEqual({ AMS1: [2, 0] });
    const before = book.movements.length;
    unship(book, claim, "AMS1", 3, "shp1", "shipment voided before pickup: label cancelled");
    expect(levels(book)).toEqual({ AMS1: [5, 3] });
    expect(claim).toMatchObject({ shipped: 0, status: "OPEN", backordered: 0 });
    expect(held(book, "o1")).toEqual([3, 0]);
    expect(book.movements.slice(before)).toMatchObject([
      { kind: "ADJUSTMENT", quantity: 3, reference: "shp1", onHandAfter: 5, reservedAfter: 0 },
      { kind: "RESERVATION", quantity: 3, reference: "o1", onHandAfter: 5, reservedAfter: 3 },
    ]);
  });

  it("of part of a line restores that part, in the shipment's warehouse", () => {
    const book = bookWith({ AMS1: 2, BER1: 6 });
    const claim = place(book, "o1", 4);
    expect(claim.allocations).toEqual([{ warehouse: "BER1", quantity: 4 }]);
    shipFrom(book, claim, "BER1", 3, "shp1");
    unship(book, claim, "BER1", 3, "shp1", "voided");
    expect(levels(book)).toEqual({ AMS1: [2, 0], BER1: [6, 4] });
    expect(claim).toMatchObject({ shipped: 0, status: "OPEN" });
    expect(held(book, "o1")).toEqual([4, 0]);
  });

  it("of a line cancelled since gives its units to other orders' backorders", () => {
    const book = bookWith({ AMS1: 2 });
    const claim = place(book, "o1", 2, 1);
    shipFrom(book, claim, "AMS1", 1, "shp1");
    cancelClaim(book, claim, "cancelled");
    place(book, "o2", 3, 2);
    expect(held(book, "o2")).toEqual([1, 2]);
    unship(book, claim, "AMS1", 1, "shp1", "voided");
    expect(claim).toMatchObject({ status: "CANCELLED", shipped: 0, allocations: [] });
    expect(held(book, "o2")).toEqual([2, 1]);
    expect(levels(book)).toEqual({ AMS1: [2, 2] });
  });

  it("never unships more than the line shipped", () => {
    const book = bookWith({ AMS1: 5 });
    const claim = place(book, "o1", 3);
    shipFrom(book, claim, "AMS1", 1, "shp1");
    expect(() => unship(book, claim, "AMS1", 2, "shp1", "voided")).toThrow(RangeError);
  });
});
