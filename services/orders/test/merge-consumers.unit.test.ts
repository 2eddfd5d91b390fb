import { describe, expect, it } from "vitest";
import type { EventOf } from "@waybill/contracts";
import type { ConsumerDefinition, UnitOfWork } from "@waybill/service";
import { mergeConsumers } from "../src/merge-consumers.ts";

describe("merging the rooms' consumer definitions", () => {
  it("gives each stream one definition that runs every room's handler in the order listed", async () => {
    const ran: string[] = [];
    const handler = (name: string) => () => {
      ran.push(name);
      return Promise.resolve();
    };
    const definitions: ConsumerDefinition[] = [
      { stream: "inventory", handlers: { "inventory.product.created": handler("catalog") } },
      {
        stream: "billing",
        handlers: {
          "billing.invoice.held": handler("lifecycle held"),
          "billing.invoice.issued": handler("lifecycle issued"),
        },
      },
      { stream: "billing", handlers: { "billing.invoice.held": handler("service held") } },
    ];
    const merged = mergeConsumers(definitions);
    expect(
      merged.map((definition) => [definition.stream, Object.keys(definition.handlers)]),
    ).toEqual([
      ["inventory", ["inventory.product.created"]],
      ["billing", ["billing.invoice.held", "billing.invoice.issued"]],
    ]);
    const held = merged[1]?.handlers["billing.invoice.held"];
    // The handlers here read neither the event nor the transaction.
    await held?.({} as EventOf<"billing.invoice.held">, {} as UnitOfWork);
    expect(ran).toEqual(["lifecycle held", "service held"]);
  });
});
