import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOnce, isRetryLater } from "@waybill/bus";
import { taxOn } from "@waybill/contracts";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime, type ServiceRuntime } from "@waybill/service";
import { activeHolds, isVoided } from "../src/domain/lifecycle.ts";
import { shippingMargin } from "../src/domain/order-figures.ts";
import { shippingRateOf } from "../src/domain/invoice.ts";
import { billingCollections } from "../src/store/collections.ts";
import { prepareBillingStore } from "../src/store/repository.ts";
import type {
  ChargeLineRecord,
  CreditNoteRecord,
  InvoiceLineRecord,
  InvoiceRecord,
} from "../src/store/records.ts";
import { podSweep } from "../src/usecases/pod-sweep.ts";
import { releaseInvoice } from "../src/usecases/release-invoice.ts";
import { createContext } from "../src/context.ts";
import { eventsOf, scenario, type AnyEvent, type Told } from "./event-stream.ts";
import { billingHandlers } from "./harness.ts";

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
  const handlers = billingHandlers(runtime);
  const queue = [...events];
  for (let i = queue.length - 1; i > 0; i--) {
    const j = rand.below(i + 1);
    [queue[i], queue[j]] = [queue[j] as AnyEvent, queue[i] as AnyEvent];
  }
  for (const event of events)
    if (rand.below(3) === 0) queue.splice(rand.below(queue.length + 1), 0, event);
  for (let steps = 0; queue.length && steps < 20_000; steps++) {
    const event = queue.shift() as AnyEvent;
    const handle = handlers[event.type];
    if (!handle) throw new Error(`billing does not consume ${event.type}`);
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

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
const unitsOf = (lines: { lineId: string; quantity: number }[], lineId: string) =>
  sum(lines.filter((line) => line.lineId === lineId).map((line) => line.quantity));

/** Every amount of a document adds up in minor units: lines, shipping and charges, then tax. */
function addsUp(
  document: { subtotal: number; taxTotal: number; total: number },
  lines: InvoiceLineRecord[],
  shipping: [number, number],
  charges: ChargeLineRecord[],
) {
  expect(document.subtotal).toBe(
    sum(lines.map((line) => line.net)) + shipping[0] + sum(charges.map((line) => line.amount)),
  );
  expect(document.taxTotal).toBe(
    sum(lines.map((line) => line.tax)) + shipping[1] + sum(charges.map((line) => line.tax)),
  );
  expect(document.total).toBe(document.subtotal + document.taxTotal);
}

/** `CN-2026-000007` → 7, sorted: gapless when it reads 1, 2, 3, ... */
function expectGapless(numbers: (string | null)[]) {
  const values = numbers.flatMap((n) => (n ? [Number(n.slice(-6))] : [])).sort((a, b) => a - b);
  expect(values).toEqual(values.map((_, i) => i + 1));
}

/** Credit notes: never above invoiced, exact to the minor unit, never on an invoice not issued. */
function checkCredits(invoice: InvoiceRecord, notes: CreditNoteRecord[]) {
  if (!invoice.number) expect(notes).toEqual([]);
  for (const note of notes)
    addsUp(note, note.lines, [note.shippingRefund, note.shippingTax], note.charges);
  for (const line of invoice.lines) {
    const credited = notes.flatMap((note) => note.lines).filter((l) => l.lineId === line.lineId);
    const units = sum(credited.map((l) => l.quantity));
    expect(units, `credited ≤ invoiced on ${invoice._id} ${line.lineId}`).toBeLessThanOrEqual(
      line.quantity,
    );
    if (units === line.quantity) {
      expect(sum(credited.map((l) => l.net))).toBe(line.net);
      expect(sum(credited.map((l) => l.tax))).toBe(line.tax);
    }
  }
  expect(notes.filter((note) => note.shippingRefund > 0).length).toBeLessThanOrEqual(1);
  const creditedTotal = sum(notes.map((note) => note.total));
  expect(creditedTotal).toBe(invoice.credit?.total ?? 0);
  expect(creditedTotal).toBeLessThanOrEqual(invoice.total);
  // A voided shipment's issued invoice is taken back to the last minor unit.
  if (invoice.number && invoice.voidedAt) expect(creditedTotal).toBe(invoice.total);
}

/** Invoices priced from their lines, shipping and charges, in minor units. */
function checkPricing(invoice: InvoiceRecord) {
  const rate = shippingRateOf(invoice.lines);
  for (const line of invoice.lines) {
    expect(line.net).toBe(line.unitPrice * line.quantity);
    expect(line.tax).toBe(taxOn(line.net, line.taxRatePpm));
  }
  expect(invoice.shippingTax).toBe(taxOn(invoice.shippingCharge, rate));
  for (const charge of invoice.charges ?? []) expect(charge.tax).toBe(taxOn(charge.amount, rate));
  addsUp(
    invoice,
    invoice.lines,
    [invoice.shippingCharge, invoice.shippingTax],
    invoice.charges ?? [],
  );
}

/** Delivery facts only accumulate, so without a hold an invoice is issued exactly when its policy is met. */
function checkPolicy(invoice: InvoiceRecord, policy: string, events: AnyEvent[]) {
  const holding = activeHolds(invoice).length > 0;
  if (invoice.status === "VOID") return expect(holding).toBe(false);
  expect(invoice.status).toBe(holding ? "ON_HOLD" : invoice.number ? "ISSUED" : "DRAFT");
  // A voided shipment's invoice hears no more milestones.
  if (isVoided(invoice) || holding) return;
  const seen = new Set(
    events.flatMap((e) =>
      e.type === "shipments.milestone.recorded" && e.subject === invoice.shipmentId
        ? [(e.data as { type: string }).type]
        : [],
    ),
  );
  const delivered = seen.has("DELIVERED") || seen.has("PROOF_OF_DELIVERY");
  const due =
    policy === "ON_SHIPMENT" ||
    (policy === "ON_DELIVERY" && delivered) ||
    (policy === "ON_PROOF_OF_DELIVERY" &&
      (seen.has("PROOF_OF_DELIVERY") || (invoice.delivery.proofWaived && delivered)));
  expect(Boolean(invoice.number), `${policy} after ${[...seen].join(",")}`).toBe(due);
}

async function checkOrder(
  store: Parameters<typeof billingCollections>[0],
  told: Told,
  policy: string,
) {
  const db = billingCollections(store);
  const { orderId, events } = told;
  const invoices = await db.invoices.find({ orderId });
  const creditNotes = await db.creditNotes.find({ orderId });
  const adjustmentNotes = await db.adjustmentNotes.find({ orderId });
  const charges = await db.charges.find({ orderId });

  // One invoice per shipment, voided ones included; VOID exactly when voided or emptied before issue.
  const shipments = events.filter((e) => e.type === "shipments.shipment.confirmed");
  expect(invoices.map((i) => i.shipmentId).sort()).toEqual(shipments.map((e) => e.subject).sort());
  for (const invoice of invoices) {
    expect(Boolean(invoice.voidedAt)).toBe(told.voided.has(invoice.shipmentId));
    if (invoice.status === "VOID") expect(invoice.number).toBeNull();
    checkPricing(invoice);
    checkCredits(
      invoice,
      creditNotes.filter((note) => note.invoiceId === invoice._id),
    );
    checkPolicy(invoice, policy, events);
  }

  // Per order line: credited ≤ invoiced, net invoiced ≤ net shipped (shipped by shipments not
  // voided, less received back); with every event applied, what is or will be invoiced, less
  // what was credited, is exactly the net shipped.
  const live = invoices.filter((invoice) => invoice.status !== "VOID");
  const issued = invoices.filter((invoice) => invoice.number);
  const credited = creditNotes.flatMap((note) => note.lines);
  for (const [lineId, gross] of told.shipped) {
    const net = told.netShipped.get(lineId) ?? 0;
    const invoicedIssued = sum(issued.map((invoice) => unitsOf(invoice.lines, lineId)));
    const creditedUnits = unitsOf(credited, lineId);
    expect(sum(invoices.map((invoice) => unitsOf(invoice.lines, lineId)))).toBeLessThanOrEqual(
      gross,
    );
    expect(creditedUnits).toBeLessThanOrEqual(invoicedIssued);
    expect(
      invoicedIssued - creditedUnits,
      `net invoiced ≤ net shipped, ${lineId}`,
    ).toBeLessThanOrEqual(net);
    expect(sum(live.map((invoice) => unitsOf(invoice.lines, lineId))) - creditedUnits).toBe(net);
  }

  // Every series gapless.
  expectGapless(invoices.map((invoice) => invoice.number));
  expectGapless(creditNotes.map((note) => note.number));
  expectGapless(adjustmentNotes.map((note) => note.number));

  // A charge billed once: on its invoice or on one adjustment note, as recorded.
  const chargeLines = invoices.flatMap((invoice) => invoice.charges ?? []);
  for (const charge of charges) {
    const onInvoice = chargeLines.filter((line) => line.chargeId === charge._id).length;
    const onNotes = adjustmentNotes.filter((note) => note.chargeId === charge._id).length;
    expect([onInvoice, onNotes]).toEqual([
      charge.billing === "INVOICED" ? 1 : 0,
      charge.billing === "ADJUSTMENT_NOTE" ? 1 : 0,
    ]);
  }
  expect(charges.map((charge) => charge._id).sort()).toEqual([...told.chargeIds].sort());
  for (const note of adjustmentNotes) expect(note.total).toBe(note.amount + note.tax);
  expect(shippingMargin({ invoices, creditNotes, adjustmentNotes, charges }).cost).toBe(
    sum([...told.fulfilmentCost.values()]),
  );

  // One settlement per return, told once.
  const settlements = await db.returnSettlements.find({ orderId });
  expect(settlements.map((settlement) => settlement._id).sort()).toEqual(
    [...told.returnIds].sort(),
  );
}

describe("billing under any order of events", () => {
  it("never invoices more than net shipped nor credits more than invoiced, one invoice per shipment, exact amounts, gapless series", async () => {
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
          const told = eventsOf(s);
          const rand = random(s.seed);
          const sweep = podSweep(runtime, 1);
          await deliver(runtime, told.events, rand, async () => {
            if (rand.below(2)) return sweep.run();
            const held = await db.invoices.find({ status: "ON_HOLD" });
            for (const invoice of held)
              await releaseInvoice(createContext(runtime, testPrincipal()), {
                invoiceId: invoice._id,
                comment: "checked",
              });
          });
          await checkOrder(store, told, s.policy);
        } finally {
          await testStore.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
