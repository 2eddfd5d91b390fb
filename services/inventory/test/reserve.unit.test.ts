import { describe, expect, it } from "vitest";
import { adjustOnHand, receiveInto } from "../src/domain/movements.ts";
import { cancelClaim, settle } from "../src/domain/reserve.ts";
import { bookWith, held, levels, place } from "./support.ts";

describe("reserving stock for order lines", () => {
  it("takes the warehouse with the most available first and splits only when it must", () => {
    const book = bookWith({ AMS1: 3, BER1: 5, CDG1: 5 });
    const first = place(book, "o1", 4);
    expect(first.allocations).toEqual([{ warehouse: "BER1", quantity: 4 }]);
    const second = place(book, "o2", 7);
    expect(second.allocations).toEqual([
      { warehouse: "AMS1", quantity: 2 },
      { warehouse: "CDG1", quantity: 5 },
    ]);
    expect(levels(book)).toEqual({ AMS1: [3, 2], BER1: [5, 4], CDG1: [5, 5] });
  });

  it("reserves what is available and backorders the rest", () => {
    const book = bookWith({ AMS1: 5 });
    expect(held(book, place(book, "o1", 3).orderId)).toEqual([3, 0]);
    expect(held(book, place(book, "o2", 4).orderId)).toEqual([2, 2]);
    expect(held(book, place(book, "o3", 1).orderId)).toEqual([0, 1]);
    expect(levels(book)).toEqual({ AMS1: [5, 5] });
    expect(book.movements.map((m) => [m.kind, m.quantity, m.reference])).toEqual([
      ["RESERVATION", 3, "o1"],
      ["RESERVATION", 2, "o2"],
    ]);
  });

  it("fills backorders from a receipt oldest order first, whatever order they arrived in", () => {
    const book = bookWith({});
    place(book, "late", 2, 30);
    place(book, "early", 2, 10);
    place(book, "middle", 2, 20);
    receiveInto(book, "AMS1", 3);
    expect([held(book, "early"), held(book, "middle"), held(book, "late")]).toEqual([
      [2, 0],
      [1, 1],
      [0, 2],
    ]);
  });

  it("gives released stock to the oldest backorder", () => {
    const book = bookWith({ AMS1: 2 });
    const first = place(book, "o1", 2, 1);
    place(book, "o2", 1, 2);
    place(book, "o3", 1, 3);
    cancelClaim(book, first, "customer changed their mind");
    settle(book);
    expect(first).toMatchObject({ status: "CANCELLED", allocations: [], backordered: 0 });
    expect([held(book, "o2"), held(book, "o3")]).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(book.movements.filter((m) => m.kind === "RELEASE")).toHaveLength(1);
  });

  it("backorders the newest reservations when a count leaves less than is reserved, then refills elsewhere", () => {
    const book = bookWith({ AMS1: 6, BER1: 1 });
    place(book, "old", 3, 1);
    place(book, "new", 3, 2);
    expect(levels(book)).toEqual({ AMS1: [6, 6], BER1: [1, 0] });
    expect(adjustOnHand(book, "AMS1", -4, "cycle count")).toBe(-4);
    expect(levels(book)).toEqual({ AMS1: [2, 2], BER1: [1, 1] });
    // The newest order gives back first; the oldest is made whole again from BER1.
    expect([held(book, "old"), held(book, "new")]).toEqual([
      [3, 0],
      [0, 3],
    ]);
  });

  it("never counts on hand below zero", () => {
    const book = bookWith({ AMS1: 3 });
    expect(adjustOnHand(book, "AMS1", -10, "count")).toBe(-3);
    expect(levels(book)).toEqual({ AMS1: [0, 0] });
    expect(adjustOnHand(book, "XYZ9", -1, "count")).toBe(0);
    expect(book.stock.map((level) => level.warehouse)).toEqual(["AMS1"]);
  });
});
