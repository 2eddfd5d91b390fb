import {
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type OrderedConsumerOptions,
} from "@nats-io/jetstream";
import type { EventType } from "@waybill/contracts";
import { decodeEvent, type ConsumedEvent } from "./decode.ts";
import { errorText } from "./errors.ts";
import type { Naming } from "./naming.ts";
import { consumerFilter } from "./filter.ts";

/** Where a read starts: right after a sequence (a cursor), at a time, or with what comes next. */
export type StreamStart = { after: number } | { time: Date } | "new";

export interface ReadOptions {
  /** The producing service whose stream is read. */
  stream: string;
  /** Event types to read (all of `stream`); other messages of the stream are passed over. */
  types: readonly EventType[];
  start: StreamStart;
  /**
   * "end": stop after the last message stored when the read began (a replay); "closed": wait for
   * new messages until `close()` (a live feed).
   */
  until: "end" | "closed";
}

/** One message of the stream: its sequence (the cursor), and the event or why it is not one. */
export type StreamEntry =
  { sequence: number; event: ConsumedEvent } | { sequence: number; type: string; invalid: string };

/** An ordered read of a stream; ending the iteration or `close()` stops it at once. */
export interface StreamReader extends AsyncIterableIterator<StreamEntry> {
  close(): Promise<void>;
}

interface ReaderDeps {
  jetstream: JetStreamClient;
  manager: JetStreamManager;
  names: Naming;
}

const FETCH = { max_messages: 100, expires: 2_000 };

function startAt(start: StreamStart): Partial<OrderedConsumerOptions> {
  if (start === "new") return { deliver_policy: DeliverPolicy.New };
  if ("time" in start)
    return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: start.time.toISOString() };
  if (!Number.isSafeInteger(start.after) || start.after < 0)
    throw new RangeError(`a read starts after a sequence of 0 or more, not ${start.after}`);
  return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: start.after + 1 };
}

/** Opens an ordered (ephemeral) consumer on the stream and reads it as `options` say. */
export async function openReader(deps: ReaderDeps, options: ReadOptions): Promise<StreamReader> {
  const { names } = deps;
  const streamName = names.streamName(options.stream);
  const { types, filterSubject } = consumerFilter(names, options.stream, options.types);
  const entryOf = (msg: JsMsg): StreamEntry | undefined => {
    const type = names.typeOf(msg.subject);
    if (!types.has(type)) return undefined;
    try {
      return { sequence: msg.seq, event: decodeEvent(msg.string()) };
    } catch (error) {
      return { sequence: msg.seq, type, invalid: errorText(error) };
    }
  };
  const end =
    options.until === "end" ? (await deps.manager.streams.info(streamName)).state.last_seq : null;
  const consumer = await deps.jetstream.consumers.get(streamName, {
    ...startAt(options.start),
    filter_subjects: filterSubject,
  });
  return end === null ? live(await consumer.consume(), entryOf) : bounded(consumer, end, entryOf);
}

/** Reads until closed; `return()` and `close()` stop the pull even while it waits. */
function live(
  messages: ConsumerMessages,
  entryOf: (msg: JsMsg) => StreamEntry | undefined,
): StreamReader {
  const source = messages[Symbol.asyncIterator]();
  const done = { done: true, value: undefined } as const;
  const reader: StreamReader = {
    async next() {
      for (;;) {
        const step = await source.next();
        if (step.done) return done;
        const entry = entryOf(step.value);
        if (entry) return { done: false, value: entry };
      }
    },
    return() {
      messages.stop();
      return Promise.resolve(done);
    },
    close() {
      messages.stop();
      return Promise.resolve();
    },
    [Symbol.asyncIterator]() {
      return reader;
    },
  };
  return reader;
}

/** Reads up to `end` in fetched batches, stopping early when nothing more matches the filter. */
function bounded(
  consumer: { fetch(options: typeof FETCH): Promise<ConsumerMessages> },
  end: number,
  entryOf: (msg: JsMsg) => StreamEntry | undefined,
): StreamReader {
  let closed = false;
  async function* entries(): AsyncGenerator<StreamEntry, void, undefined> {
    let last = 0;
    while (!closed && last < end) {
      let received = 0;
      for await (const msg of await consumer.fetch(FETCH)) {
        received += 1;
        last = msg.seq;
        if (msg.seq > end) break;
        const entry = entryOf(msg);
        if (entry) yield entry;
      }
      if (received === 0) return;
    }
  }
  const generator = entries();
  return Object.assign(generator, {
    async close() {
      closed = true;
      await generator.return(undefined);
    },
  });
}
