import type { Bus, StreamEntry } from "@waybill/bus";
import type { EventType } from "@waybill/contracts";
import type { StreamTail } from "./tail.ts";

/**
 * A subscriber fell more than the allowed lag behind the stream while following it live. It
 * resumes with `after: cursor` (or `Last-Event-ID`) and misses nothing.
 */
export class SubscriberTooSlow extends Error {
  readonly cursor: number;
  readonly lag: number;

  constructor(cursor: number, lag: number) {
    super(`the subscriber fell ${lag} events behind; resume after cursor ${cursor}`);
    this.name = "SubscriberTooSlow";
    this.cursor = cursor;
    this.lag = lag;
  }
}

export type FollowOptions<T> = {
  bus: Bus;
  tail: StreamTail;
  types: readonly EventType[];
  /** The sequence to start after: a cursor, or the stream's end for "from now on". */
  after: number;
  /** What the subscriber hears of an entry, or null when it is not for it. */
  pick: (entry: StreamEntry) => T | null;
  /** How far behind the stream's head a live subscriber may fall before it is closed. */
  maxLag: number;
  signal: AbortSignal;
};

/**
 * Every entry after `after` the subscriber may hear, in stream order, once each. The transports
 * ask for the next entry only once the previous one was written to the connection, so a slow
 * connection paces its subscription. A subscriber far behind (resuming from an old cursor) reads
 * the stream itself in bounded passes until the shared tail's window covers it; from then on it
 * follows the tail. Following live, it is ended with `SubscriberTooSlow` (carrying the last
 * sequence it was given) once it is more than `maxLag` behind the head, rather than have anything
 * skipped or buffered without bound.
 */
export async function* follow<T>(options: FollowOptions<T>): AsyncGenerator<T, void, undefined> {
  const { bus, tail, signal } = options;
  let position = options.after;
  const keepingUp = () => {
    const lag = tail.head() - position;
    if (lag > options.maxLag) throw new SubscriberTooSlow(position, lag);
  };
  let live = false;
  while (!signal.aborted) {
    const kept = tail.after(position);
    // Once live, falling out of the window is falling too far behind: never skipped over.
    if (!kept && live) throw new SubscriberTooSlow(position, tail.head() - position);
    if (kept) {
      live = true;
      for (const entry of kept) {
        if (signal.aborted) return;
        const picked = options.pick(entry);
        if (picked !== null) {
          keepingUp();
          position = entry.sequence;
          yield picked;
        } else position = entry.sequence;
      }
      if (kept.length) continue;
      if (tail.ended()) throw new Error(`the read of stream ${tail.stream} ended`);
      await tail.newer(position, signal);
      continue;
    }
    // Behind the tail's window: read the stream up to its current end, then look again.
    const end = await bus.lastSequence(tail.stream);
    const reader = await bus.read({
      stream: tail.stream,
      types: options.types,
      start: { after: position },
      until: "end",
    });
    try {
      for await (const entry of reader) {
        if (signal.aborted) return;
        const picked = options.pick(entry);
        if (picked !== null) {
          position = entry.sequence;
          yield picked;
        } else position = entry.sequence;
      }
    } finally {
      await reader.close();
    }
    position = Math.max(position, end);
  }
}
