import { RETURN_STATUSES, type ReturnStatus } from "@waybill/contracts";
import { describe, expect, it } from "vitest";
import { countedOf } from "../src/domain/return-lines.ts";
import { canMove, RETURN_TRANSITIONS } from "../src/domain/status.ts";

describe("a return's statuses", () => {
  it("move requested → received → closed, or requested → cancelled, and nowhere else", () => {
    const allowed = RETURN_STATUSES.flatMap((from) =>
      RETURN_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(["REQUESTED→RECEIVED", "REQUESTED→CANCELLED", "RECEIVED→CLOSED"]);
    expect(Object.keys(RETURN_TRANSITIONS).sort()).toEqual([...RETURN_STATUSES].sort());
  });

  it.each([
    ["REQUESTED", 3],
    ["RECEIVED", 1],
    ["CLOSED", 1],
    ["CANCELLED", 0],
  ] as [ReturnStatus, number][])(
    "count a %s return's line at %i of 3 asked, 1 received",
    (status, counted) => {
      const received = status === "REQUESTED" || status === "CANCELLED" ? null : 1;
      expect(countedOf({ status }, { lineId: "l1", sku: "A", quantity: 3, received })).toBe(
        counted,
      );
    },
  );
});
