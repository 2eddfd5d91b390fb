import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import { requireScope, type Principal } from "@waybill/auth";
import type { Bus } from "@waybill/bus";
import type { EventType } from "@waybill/contracts";
import { codedError } from "@waybill/graphql";
import type { Logger } from "@waybill/observability";
import { ENDED, type Ended, type EventContext, type RunQuery } from "./federated.ts";
import { SUBSCRIPTION_FIELDS, type FieldArgs, type Payload, type ReadCurrent } from "./fields.ts";
import { follow, SubscriberTooSlow } from "./follow.ts";
import { openTail, type StreamTail } from "./tail.ts";

/** What a subscription runs with: the caller, and what its transport tells and is told. */
export type SubscriptionContext = EventContext & {
  /** The cursor a transport resumes from (SSE's `Last-Event-ID`); it overrides `after`. */
  resumeAfter?: string | undefined;
  /** The cursor of the last event sent, for the transport to pass on (SSE `id`, WS extensions). */
  cursor?: string;
};

export type FeedOptions = {
  bus: Bus;
  run: RunQuery;
  /** How far behind the stream's head a live subscriber may fall before it is ended. */
  maxLag: number;
  logger: Logger;
};

const CURSOR = /^\d{1,15}$/;

function cursorOf(value: unknown, name: string): number | undefined {
  if (value == null) return undefined;
  if (typeof value !== "string" || !CURSOR.test(value))
    throw codedError("BAD_USER_INPUT", `${name} must be a cursor from an earlier event`);
  return Number(value);
}

/** The event types read from each stream, for the one shared tail per stream. */
function typesByStream(): Map<string, EventType[]> {
  const byStream = new Map<string, EventType[]>();
  for (const field of Object.values(SUBSCRIPTION_FIELDS))
    byStream.set(field.stream, [...(byStream.get(field.stream) ?? []), ...field.types]);
  return byStream;
}

/**
 * The subscriptions' event source: one shared tail per stream, opened on its first subscriber,
 * and the `subscribe` resolver of every Subscription field.
 */
export function subscriptionFeeds(options: FeedOptions) {
  const types = typesByStream();
  const tails = new Map<string, Promise<StreamTail>>();
  const tailOf = async (stream: string): Promise<StreamTail> => {
    const open = tails.get(stream);
    if (open) {
      const tail = await open.catch(() => undefined);
      if (tail && !tail.ended()) return tail;
      // Another subscriber may have opened it again meanwhile.
      if (tails.get(stream) !== open) return tailOf(stream);
    }
    // The first subscriber opens the read; one that ended (the broker failed it) or could not
    // open (the stream does not exist yet) is opened again by the next.
    const opening = openTail(options.bus, {
      stream,
      types: types.get(stream) ?? [],
      window: options.maxLag + 1,
      logger: options.logger,
    });
    tails.set(stream, opening);
    opening.catch(() => {
      if (tails.get(stream) === opening) tails.delete(stream);
    });
    return opening;
  };
  const readCurrent: ReadCurrent = async (query, variables, principal) => {
    const { data, errors } = await options.run(query, variables, principal);
    const [refusal] = errors ?? [];
    if (refusal) throw refusal;
    return data ?? {};
  };

  async function* events(
    name: string,
    args: FieldArgs,
    context: SubscriptionContext,
    signal: AbortSignal,
  ): AsyncGenerator<Payload | Ended, void, undefined> {
    try {
      yield* read(name, args, context, signal);
    } catch (error) {
      // The subscriber hears why its subscription ended, as its last result, on any transport.
      if (error instanceof SubscriberTooSlow) {
        options.logger.info(
          { subject: context.principal.subject, lag: error.lag },
          "slow subscriber ended",
        );
        context.cursor = String(error.cursor);
        yield {
          [ENDED]: new GraphQLError(error.message, {
            extensions: { code: "SUBSCRIBER_TOO_SLOW", cursor: String(error.cursor) },
          }),
        };
      } else if (error instanceof GraphQLError && error.extensions.code) yield { [ENDED]: error };
      else {
        options.logger.error({ err: error, subscription: name }, "subscription failed");
        yield {
          [ENDED]: new GraphQLError("the subscription failed; resume after its last cursor", {
            extensions: { code: "INTERNAL_SERVER_ERROR", cursor: context.cursor ?? null },
          }),
        };
      }
    }
  }

  async function* read(
    name: string,
    args: FieldArgs,
    context: SubscriptionContext,
    signal: AbortSignal,
  ): AsyncGenerator<Payload, void, undefined> {
    const field = SUBSCRIPTION_FIELDS[name];
    if (!field) throw new Error(`no subscription field ${name}`);
    const { principal } = context;
    const resume = cursorOf(context.resumeAfter, "Last-Event-ID") ?? cursorOf(args.after, "after");
    let after = resume;
    if (after === undefined) {
      after = await options.bus.lastSequence(field.stream);
      if (args.includeCurrent === true && field.current) {
        for (const current of await field.current(args, principal, readCurrent)) {
          current.cursor = String(after);
          context.cursor = current.cursor;
          yield current;
        }
      }
    }
    const tail = await tailOf(field.stream);
    for await (const payload of follow({
      bus: options.bus,
      tail,
      types: field.types,
      after,
      pick: (entry) =>
        "event" in entry ? field.pick(entry.event, String(entry.sequence), args, principal) : null,
      maxLag: options.maxLag,
      signal,
    })) {
      context.cursor = payload.cursor;
      yield payload;
    }
  }

  /** The iterator a subscription reads; ending it stops the read at once, even mid-wait. */
  function iterate(name: string, args: FieldArgs, context: SubscriptionContext) {
    const stop = new AbortController();
    const generator = events(name, args, context, stop.signal);
    const iterator: AsyncIterableIterator<Payload | Ended> = {
      next: () => generator.next(),
      return() {
        stop.abort();
        return generator.return(undefined);
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  const subscribe: GraphQLFieldResolver<unknown, SubscriptionContext, FieldArgs> = (
    _source,
    args,
    context,
    info,
  ) => {
    const field = SUBSCRIPTION_FIELDS[info.fieldName];
    if (!field) throw codedError("BAD_USER_INPUT", `${info.fieldName} is not a subscription`);
    requireScope(context.principal, field.scope);
    cursorOf(context.resumeAfter, "Last-Event-ID");
    cursorOf(args.after, "after");
    return iterate(info.fieldName, args, context);
  };

  return {
    subscribe,
    async close() {
      const open = [...tails.values()];
      tails.clear();
      await Promise.all(
        open.map((tail) =>
          tail.then(
            (opened) => opened.close(),
            () => undefined,
          ),
        ),
      );
    },
  };
}

export type SubscriptionFeeds = ReturnType<typeof subscriptionFeeds>;

/** A principal's identity and rights as one key, for sharing reads between its subscriptions. */
export const principalKey = (principal: Principal) => JSON.stringify(principal);
