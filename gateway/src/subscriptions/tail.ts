import type { Bus, StreamEntry, StreamReader } from "@waybill/bus";
import type { EventType } from "@waybill/contracts";
import type { Logger } from "@waybill/observability";

/**
 * One live read of a service's stream shared by every subscription to it, with the latest
 * entries kept in a window: subscribers that keep up are served from memory, so a thousand of
 * them cost one JetStream consumer rather than a thousand.
 */
export interface StreamTail {
  readonly stream: string;
  /** The newest sequence the tail has read. */
  head(): number;
  /** Every kept entry after `position`, or undefined when some of them are no longer kept. */
  after(position: number): readonly StreamEntry[] | undefined;
  /** Resolves once an entry newer than `position` is kept (or the tail closes). */
  newer(position: number, signal: AbortSignal): Promise<void>;
  /** True once the read ended: closed, or failed; its followers end with their cursors. */
  ended(): boolean;
  close(): Promise<void>;
}

export type TailOptions = {
  stream: string;
  types: readonly EventType[];
  /** How many of the newest entries are kept for subscribers that are behind. */
  window: number;
  logger: Logger;
};

/**
 * Opens the shared read at the stream's end. Entries are kept in order; when the window is full the
 * oldest goes, and `floor` (the sequence before the oldest kept) moves up with it.
 */
export async function openTail(bus: Bus, options: TailOptions): Promise<StreamTail> {
  const start = await bus.lastSequence(options.stream);
  const reader = await bus.read({
    stream: options.stream,
    types: options.types,
    start: { after: start },
    until: "closed",
  });
  const kept: StreamEntry[] = [];
  let first = 0; // index of the oldest kept entry in `kept` (compacted now and then)
  let floor = start;
  let head = start;
  let waiters: (() => void)[] = [];
  let closed = false;
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  void pump(reader, (entry) => {
    kept.push(entry);
    head = entry.sequence;
    if (kept.length - first > options.window) {
      floor = kept[first]?.sequence ?? floor;
      first += 1;
      if (first > options.window) {
        kept.splice(0, first);
        first = 0;
      }
    }
    wake();
  })
    .catch((error: unknown) => {
      if (!closed)
        options.logger.error({ err: error, stream: options.stream }, "stream tail failed");
    })
    .finally(() => {
      closed = true;
      wake();
    });
  return {
    stream: options.stream,
    head: () => head,
    ended: () => closed,
    after(position) {
      if (position < floor) return undefined;
      // Sequences grow along `kept`: find the first entry after `position` by bisection.
      let low = first;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((kept[middle]?.sequence ?? 0) <= position) low = middle + 1;
        else high = middle;
      }
      return kept.slice(low);
    },
    newer(position, signal) {
      if (head > position || closed || signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener("abort", done);
          resolve();
        };
        waiters.push(done);
        signal.addEventListener("abort", done, { once: true });
      });
    },
    async close() {
      closed = true;
      await reader.close();
      wake();
    },
  };
}

async function pump(reader: StreamReader, keep: (entry: StreamEntry) => void) {
  for await (const entry of reader) keep(entry);
}
