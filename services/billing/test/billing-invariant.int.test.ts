import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOnce, isRetryLater, type EventHandlers } from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime, type ServiceRuntime, type UnitOfWork } from "@waybill/service";
import { activeHolds } from "../src/domain/lifecycle.ts";
import { billingConsumers } from "../src/events/consumers.ts";
import { billingCollections } from "../src/store/collections.ts";
import { prepareBillingStore } from "../src/store/repository.ts";
import { podSweep } from "../src/usecases/pod-sweep.ts";
import { releaseInvoice } from "../src/usecases/release-invoice.ts";
import { createContext } from "../src/context.ts";
import { eventsOf, scenario, type AnyEvent } from "./event-stream.ts";

type Handler = (event: AnyEvent, work: ReturnType<ServiceRuntime["unitOfWork"]>) => Promise<void>;

/** A small seeded generator (mulberry32), so a failing case replays exactly. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (n: number) => Math.floor(next() * n) };
}
type Random = ReturnType<typeof random>;

/** Delivers events like JetStream may: shuffled, some twice, retried at the back when not ready. */
async function deliver(
  runtime: ServiceRuntime,
  events: AnyEvent[],
  rand: Random,
  interleave: () => Promise<void>,
) {
  const handlers = Object.assign(
    {},
    ...billingConsumers(runtime).map((c) => c.handlers),
  ) as EventHandlers<UnitOfWork>;
  const queue = [...events];
  for (let i = queue.length - 1; i > 0; i--) {
    const j = rand.below(i + 1);
    [queue[i], queue[j]] = [queue[j] as AnyEvent, queue[i] as AnyEvent];
  }
  for (const event of events)
    if (rand.below(3) === 0) queue.splice(rand.below(queue.length + 1), 0, event);
  for (let steps = 0; queue.length && steps < 10_000; steps++) {
    const event = queue.shift() as AnyEvent;
    const handle = handlers[event.type] as Handler;
    try {
      await applyOnce(runtime.store, "billing", event, (session) =>
        handle(event, runtime.unitOfWork(session)),
      );
    } catch (error) {
      if (!isRetryLater(error)) throw error;
      queue.push(event);
    }
    if (rand.below(4) === 0) await interleave();
  }
  expect(queue).toEqual([]);
}

describe("billing under any order of events", () => {
  it("never invoices more than shipped, one invoice per shipment, gapless numbers, status follows policy", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const testStore = await openTestStore("billing");
        const { store } = testStore;
        try {
          await prepareBillingStore(store);
          const runtime = createRuntime(
            "billing",
            store,
            createLogger("billing", "silent"),
            () => undefined,
          );
          const db = billingCollections(store);
          const { events, shipped, orderId } = eventsOf(s);
          const rand = random(s.seed);
          const sweep = podSweep(runtime, 1);
          await deliver(runtime, events, rand, async () => {
            if (rand.below(2)) return sweep.run();
            const held = await db.invoices.find({ status: "ON_HOLD" });
            for (const invoice of held)
              await releaseInvoice(createContext(runtime, testPrincipal()), {
                invoiceId: invoice._id,
                comment: "checked",
              });
          });

          const invoices = await db.invoices.find({ orderId });
          const shipments = events.filter((e) => e.type === "shipments.shipment.confirmed");
          expect(invoices.map((i) => i.shipmentId).sort()).toEqual(
            shipments.map((e) => e.subject).sort(),
          );
          for (const [lineId, quantity] of shipped) {
            const invoiced = invoices
              .flatMap((i) => i.lines)
              .filter((l) => l.lineId === lineId)
              .reduce((sum, l) => sum + l.quantity, 0);
            const issued = invoices
              .filter((i) => i.number)
              .flatMap((i) => i.lines)
              .filter((l) => l.lineId === lineId)
              .reduce((sum, l) => sum + l.quantity, 0);
            expect(invoiced).toBeLessThanOrEqual(quantity);
            expect(issued).toBeLessThanOrEqual(quantity);
          }
          const numbers = invoices
            .flatMap((i) => (i.number ? [Number(i.number.slice(-6))] : []))
            .sort((a, b) => a - b);
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
          for (const invoice of invoices) {
            expect(invoice.total).toBe(invoice.subtotal + invoice.taxTotal);
            const holding = activeHolds(invoice).length > 0;
            expect(invoice.status).toBe(holding ? "ON_HOLD" : invoice.number ? "ISSUED" : "DRAFT");
            // Delivery facts only accumulate, so without a hold an invoice is issued exactly when its policy is met.
            const seen = new Set(
              events.flatMap((e) =>
                e.type === "shipments.milestone.recorded" && e.subject === invoice.shipmentId
                  ? [(e.data as { type: string }).type]
                  : [],
              ),
            );
            const delivered = seen.has("DELIVERED") || seen.has("PROOF_OF_DELIVERY");
            const due =
              s.policy === "ON_SHIPMENT" ||
              (s.policy === "ON_DELIVERY" && delivered) ||
              (s.policy === "ON_PROOF_OF_DELIVERY" &&
                (seen.has("PROOF_OF_DELIVERY") || (invoice.delivery.proofWaived && delivered)));
            if (!holding)
              expect(Boolean(invoice.number), `${s.policy} after ${[...seen].join(",")}`).toBe(due);
          }
        } finally {
          await testStore.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
