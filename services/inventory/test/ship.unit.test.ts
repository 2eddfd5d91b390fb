import { describe, expect, it } from "vitest";
import { assessCount } from "../src/domain/movements.ts";
import { shipFrom } from "../src/domain/ship.ts";
import { bookWith, held, levels, place } from "./support.ts";

describe("shipping reserved stock", () => {
  it("consumes the line's reservation in the shipping warehouse", () => {
    const book = bookWith({ AMS1: 5 });
    const claim = place(book, "o1", 3);
    expect(shipFrom(book, claim, "AMS1", 2, "shp1")).toBe(0);
    expect(levels(book)).toEqual({ AMS1: [3, 1] });
    expect(claim).toMatchObject({ shipped: 2, status: "OPEN" });
    expect(shipFrom(book, claim, "AMS1", 1, "shp2")).toBe(0);
    expect(claim).toMatchObject({ shipped: 3, status: "FULFILLED", allocations: [] });
    expect(book.movements.at(-1)).toMatchObject({
      kind: "SHIPMENT",
      quantity: 1,
      reference: "shp2",
      onHandAfter: 2,
      reservedAfter: 0,
    });
  });

  it("takes unreserved stock when the line was reserved elsewhere, and releases what it no longer needs", () => {
    const book = bookWith({ AMS1: 2, BER1: 4 });
    const claim = place(book, "o1", 3);
    expect(claim.allocations).toEqual([{ warehouse: "BER1", quantity: 3 }]);
    shipFrom(book, claim, "AMS1", 2, "shp1");
    expect(levels(book)).toEqual({ AMS1: [0, 0], BER1: [4, 1] });
    expect(held(book, "o1")).toEqual([1, 0]);
    expect(book.movements.at(-1)).toMatchObject({
      kind: "RELEASE",
      warehouse: "BER1",
      quantity: 2,
    });
  });

  it("drops a backorder the shipment made unnecessary", () => {
    const book = bookWith({ AMS1: 1 });
    const claim = place(book, "o1", 3);
    expect(held(book, "o1")).toEqual([1, 2]);
    book.stock[0]!.onHand = 3; // goods on the shelf the records had missed
    expect(shipFrom(book, claim, "AMS1", 3, "shp1")).toBe(0);
    expect(claim).toMatchObject({ status: "FULFILLED", backordered: 0, allocations: [] });
  });

  it("takes stock reserved for others when it must, and backorders them instead", () => {
    const book = bookWith({ AMS1: 3 });
    place(book, "other", 3, 1);
    const late = place(book, "o2", 2, 2);
    expect(held(book, "o2")).toEqual([0, 2]);
    shipFrom(book, late, "AMS1", 2, "shp1");
    expect(levels(book)).toEqual({ AMS1: [1, 1] });
    expect(held(book, "other")).toEqual([1, 2]);
  });

  it("clamps on hand at zero and reports the shortfall", () => {
    const book = bookWith({ AMS1: 2 });
    const claim = place(book, "o1", 5);
    expect(shipFrom(book, claim, "AMS1", 5, "shp1")).toBe(3);
    expect(levels(book)).toEqual({ AMS1: [0, 0] });
    expect(book.movements.at(-1)).toMatchObject({ kind: "SHIPMENT", quantity: 2 });
  });
});

describe("cycle count variance", () => {
  it("applies a count within the threshold and sends a larger variance to review", () => {
    expect(assessCount(20, 30, 10)).toEqual({ kind: "apply", variance: 10 });
    expect(assessCount(20, 9, 10)).toEqual({ kind: "review", variance: -11 });
    expect(assessCount(20, 31, 10)).toEqual({ kind: "review", variance: 11 });
    expect(assessCount(5, 5, 0)).toEqual({ kind: "apply", variance: 0 });
    expect(assessCount(5, 6, 0)).toEqual({ kind: "review", variance: 1 });
  });
});
