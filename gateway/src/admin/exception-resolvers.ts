import { type Principal, requireScope } from "@waybill/auth";
import {
  codedError,
  compareKeys,
  connectionOf,
  DateTime,
  keyOf,
  pageOf,
  type ListOrder,
} from "@waybill/graphql";
import {
  isService,
  serviceNames,
  type ExceptionQueueCall,
  type ServiceName,
} from "./exception-queue-client.ts";

type Record = {
  _id: string;
  category: string;
  owner: string;
  status: string;
  error: string;
  eventId: string | null;
  type: string | null;
  stream: string;
  streamSeq: number | null;
  event: string;
  attempts: number;
  firstSeenAt: string;
  lastSeenAt: string;
  resolution: string | null;
  resolvedAt: string | null;
};

type Outcome = { kind: "retried" | "failed" | "closed" | "unknown"; record?: Record };

const upper = (value: string) => value.toUpperCase();
const lower = (value: string | null | undefined) => (value ? value.toLowerCase() : null);

/** A service's exception record as the API shows it, with a global id. */
function view(service: ServiceName, record: Record) {
  return {
    id: `${service}/${record._id}`,
    service,
    category: upper(record.category),
    owner: upper(record.owner),
    status: upper(record.status),
    error: record.error,
    eventId: record.eventId,
    eventType: record.type,
    stream: record.stream,
    streamSequence: record.streamSeq,
    event: record.event,
    attempts: record.attempts,
    firstSeenAt: new Date(record.firstSeenAt),
    lastSeenAt: new Date(record.lastSeenAt),
    resolution: record.resolution,
    resolvedAt: record.resolvedAt ? new Date(record.resolvedAt) : null,
  };
}

function split(id: string): { service: ServiceName; local: string } {
  const [service = "", ...rest] = id.split("/");
  if (!isService(service) || !rest.length)
    throw codedError("BAD_USER_INPUT", `exception id must read <service>/<id>, got ${id}`);
  return { service, local: rest.join("/") };
}

function outcome(service: ServiceName, id: string, result: Outcome) {
  if (!result.record) throw codedError("NOT_FOUND", `no exception ${id}`);
  return view(service, result.record);
}

type Filter = {
  service?: string | null;
  status?: string | null;
  category?: string | null;
  owner?: string | null;
};

/** Newest first by when each was first parked (a fixed instant, so pages stay put), ties by id. */
const NEWEST_FIRST = [
  { field: "firstSeenAt", direction: -1, kind: "date" },
  { field: "id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/**
 * Where one service's queue reads on from, for a cursor at `<service>/<id>` first seen at `at`:
 * ids compare as `<service>/<id>`, so of the exceptions first seen at that instant a service whose
 * name sorts before the cursor's comes after it whole, one after it not at all (nothing sorts
 * below ""), and the cursor's own service after the cursor's id. Instants are whole milliseconds.
 */
function afterIn(service: ServiceName, after: readonly unknown[] | null) {
  if (!after) return null;
  const [at, id] = after as [Date, string];
  const { service: owner, local } = split(id);
  if (service === owner) return { firstSeenAt: at.toISOString(), id: local };
  const ties = service < owner;
  return { firstSeenAt: new Date(at.getTime() + (ties ? 1 : 0)).toISOString(), id: "" };
}

type Context = { principal?: Principal };

/** The caller, when it may work the exception queue and replay streams (operations staff). */
const operator = (context: Context) => requireScope(context.principal, "operations");

/** Resolvers of the exception queue across services: they fan out to each service's route. */
export function exceptionResolvers(call: ExceptionQueueCall) {
  return {
    DateTime,
    Query: {
      async exceptions(
        _: unknown,
        {
          filter,
          ...args
        }: { filter?: Filter | null; first?: number | null; after?: string | null },
        context: Context,
      ) {
        const principal = operator(context);
        const page = pageOf(args, NEWEST_FIRST);
        if (filter?.service && !isService(filter.service))
          throw codedError("BAD_USER_INPUT", `unknown service ${filter.service}`);
        const services = filter?.service ? [filter.service as ServiceName] : serviceNames;
        const query = {
          action: "list",
          status: lower(filter?.status),
          category: lower(filter?.category),
          owner: lower(filter?.owner),
          first: page.first,
        };
        // Each service answers a page of its own (one row more than asked when more follow);
        // merged in order, their first rows are the page across all of them.
        const lists = await Promise.all(
          services.map(async (service) =>
            (
              await call<{ exceptions: Record[] }>(
                service,
                { ...query, after: afterIn(service, page.after) },
                principal,
              )
            ).exceptions.map((r) => view(service, r)),
          ),
        );
        const merged = lists
          .flat()
          .sort((a, b) =>
            compareKeys(NEWEST_FIRST, keyOf(NEWEST_FIRST, a), keyOf(NEWEST_FIRST, b)),
          );
        return connectionOf(merged.slice(0, page.first + 1), page, NEWEST_FIRST);
      },
    },
    Mutation: {
      async retryException(_: unknown, { id }: { id: string }, context: Context) {
        const principal = operator(context);
        const { service, local } = split(id);
        return outcome(
          service,
          id,
          await call<Outcome>(service, { action: "retry", id: local }, principal),
        );
      },
      async resolveException(
        _: unknown,
        { id, comment }: { id: string; comment: string },
        context: Context,
      ) {
        const principal = operator(context);
        const { service, local } = split(id);
        return outcome(
          service,
          id,
          await call<Outcome>(service, { action: "resolve", id: local, comment }, principal),
        );
      },
      async replayEvents(
        _: unknown,
        {
          input,
        }: {
          input: {
            service: string;
            stream: string;
            fromSequence?: number | null;
            fromTime?: Date | null;
          };
        },
        context: Context,
      ) {
        const principal = operator(context);
        if (!isService(input.service))
          throw codedError("BAD_USER_INPUT", `unknown service ${input.service}`);
        if (!input.fromSequence === !input.fromTime)
          throw codedError("BAD_USER_INPUT", "give exactly one of fromSequence and fromTime");
        const { result } = await call<{ result: unknown }>(
          input.service,
          {
            action: "replay",
            stream: input.stream,
            fromSequence: input.fromSequence ?? null,
            fromTime: input.fromTime ? input.fromTime.toISOString() : null,
          },
          principal,
        );
        return result;
      },
    },
  };
}
