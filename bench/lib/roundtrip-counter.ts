// Counts store operations per request: each store's `metrics.operations` counter is watched, and
// every increment is charged to the correlation id of the request (or event) it happened in.
import { currentContext } from "@waybill/observability";
import type { Collection, Store } from "@waybill/store";

export interface RoundTrips {
  /** Operations per service. */
  byService: Map<string, number>;
  /** Operations per `service collection.method`. */
  byCall: Map<string, number>;
}

const METHODS = [
  "findOne",
  "find",
  "countDocuments",
  "insertOne",
  "insertMany",
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "bulkWrite",
  "deleteOne",
  "deleteMany",
] as const;

/** Correlation ids starting with this have their request and event work counted apart. */
export const SPLIT_PREFIX = "rt-split-";
const EVENTS = "#events";

/**
 * True when the running store operation belongs to an event handler: the async stack then passes
 * through the inbox (`applyOnce`). Costly, so only used for ids that ask for the split.
 */
function inEventHandler(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  return /[\\/]bus[\\/]src[\\/](inbox|delivery|batch)\.ts/.test(stack);
}

export class RoundTripCounter {
  readonly #counts = new Map<string, RoundTrips>();
  #lastService = "";

  /** Starts charging `store`'s operations; call once per service before the traffic. */
  watch(service: string, store: Store): void {
    const metrics = store.metrics;
    let total = metrics.operations;
    Object.defineProperty(metrics, "operations", {
      configurable: true,
      get: () => total,
      set: (value: number) => {
        const entry = this.#entry();
        entry.byService.set(service, (entry.byService.get(service) ?? 0) + value - total);
        total = value;
        this.#lastService = service;
      },
    });
    // Names the collection and method behind each count (one prototype shared by all stores).
    const prototype = Object.getPrototypeOf(store.collection("inbox")) as Record<string, unknown>;
    if (prototype.__benchPatched) return;
    prototype.__benchPatched = true;
    const forget = () => (this.#lastService = "");
    // A watched store counts synchronously within the call; an unwatched one (the gateway's, which
    // holds the API keys) sets no service and is not charged.
    const charge = (collection: string, method: string) => {
      if (!this.#lastService) return;
      const entry = this.#entry();
      const key = `${this.#lastService} ${collection}.${method}`;
      entry.byCall.set(key, (entry.byCall.get(key) ?? 0) + 1);
    };
    for (const method of METHODS) {
      const original = prototype[method] as (this: Collection, ...args: unknown[]) => unknown;
      prototype[method] = function (this: Collection, ...args: unknown[]) {
        forget();
        const result = original.apply(this, args);
        charge(this.name, method);
        return result;
      };
    }
  }

  #entry(): RoundTrips {
    const id = currentContext()?.correlationId ?? "(background)";
    return this.#bucket(id.startsWith(SPLIT_PREFIX) && inEventHandler() ? `${id}${EVENTS}` : id);
  }

  #bucket(id: string): RoundTrips {
    let entry = this.#counts.get(id);
    if (!entry) {
      entry = { byService: new Map(), byCall: new Map() };
      this.#counts.set(id, entry);
    }
    return entry;
  }

  /**
   * What was charged to `correlationId` so far. For ids starting with `SPLIT_PREFIX`, the work of
   * event handlers is kept apart: `of(id)` is the request's own, `of(id, "events")` what its events
   * caused.
   */
  of(correlationId: string, part: "request" | "events" = "request"): RoundTrips {
    const key = part === "events" ? `${correlationId}${EVENTS}` : correlationId;
    return this.#counts.get(key) ?? { byService: new Map(), byCall: new Map() };
  }
}
