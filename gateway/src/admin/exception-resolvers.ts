import { type Principal, requireScope } from "@waybill/auth";
import { codedError, DateTime } from "@waybill/graphql";
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
  first?: number | null;
};

type Context = { principal?: Principal };

/** The caller, when it may work the exception queue and replay streams (operations staff). */
const operator = (context: Context) => requireScope(context.principal, "operations");

/** Resolvers of the exception queue across services: they fan out to each service's route. */
export function exceptionResolvers(call: ExceptionQueueCall) {
  return {
    DateTime,
    Query: {
      async exceptions(_: unknown, { filter }: { filter?: Filter | null }, context: Context) {
        const principal = operator(context);
        const first = filter?.first ?? 50;
        if (first < 1 || first > 500)
          throw codedError("BAD_USER_INPUT", "first must be between 1 and 500");
        if (filter?.service && !isService(filter.service))
          throw codedError("BAD_USER_INPUT", `unknown service ${filter.service}`);
        const services = filter?.service ? [filter.service as ServiceName] : serviceNames;
        const query = {
          action: "list",
          status: lower(filter?.status),
          category: lower(filter?.category),
          owner: lower(filter?.owner),
          first,
        };
        const lists = await Promise.all(
          services.map(async (service) =>
            (await call<{ exceptions: Record[] }>(service, query, principal)).exceptions.map((r) =>
              view(service, r),
            ),
          ),
        );
        return lists
          .flat()
          .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
          .slice(0, first);
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
