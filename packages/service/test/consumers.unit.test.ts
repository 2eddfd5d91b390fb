import { describe, expect, it } from "vitest";
import { buildEvent, dispatch, handledTypes, type EventHandlers } from "@waybill/bus";
import { shipmentConfirmedData } from "@waybill/devtools";
import { mergeByStream, wrapHandlers } from "../src/consumers.ts";
import type { ConsumerDefinition, UnitOfWork } from "../src/runtime.ts";

const confirmed = buildEvent({
  type: "shipments.shipment.confirmed",
  subject: "s-1",
  source: "/waybill/shipments",
  data: shipmentConfirmedData("s-1"),
});
// The handlers below only record what ran; they never use the unit of work.
const work = {} as UnitOfWork;

function recording(log: string[], name: string): EventHandlers<UnitOfWork> {
  return {
    "shipments.shipment.confirmed": () => Promise.resolve(void log.push(`${name}:confirmed`)),
  };
}

describe("service host: consumer definitions", () => {
  it("merges the definitions of one stream, running every part's handler in order", async () => {
    const log: string[] = [];
    const definitions: ConsumerDefinition[] = [
      { stream: "shipments", handlers: recording(log, "lifecycle") },
      { stream: "billing", handlers: { "billing.invoice.issued": () => Promise.resolve() } },
      {
        stream: "shipments",
        handlers: {
          ...recording(log, "cases"),
          "shipments.milestone.recorded": () => Promise.resolve(void log.push("cases:milestone")),
        },
      },
    ];
    const merged = mergeByStream(definitions);
    expect(merged.map((definition) => definition.stream)).toEqual(["shipments", "billing"]);
    const shipments = merged[0];
    if (!shipments) throw new Error("no shipments consumer");
    expect(handledTypes(shipments.handlers).sort()).toEqual([
      "shipments.milestone.recorded",
      "shipments.shipment.confirmed",
    ]);
    await dispatch(shipments.handlers, confirmed, work);
    expect(log).toEqual(["lifecycle:confirmed", "cases:confirmed"]);
  });

  it("wraps each handler so that the wrapper decides when the handler runs", async () => {
    const log: string[] = [];
    const wrapped = wrapHandlers(recording(log, "handler"), async (event, _, next) => {
      log.push(`before ${event.type}`);
      await next();
      log.push("after");
    });
    await dispatch(wrapped, confirmed, work);
    expect(log).toEqual(["before shipments.shipment.confirmed", "handler:confirmed", "after"]);
  });
});
