import { decodeEvent, type ConsumedEvent } from "./decode.ts";
import { errorText } from "./errors.ts";
import {
  EXCEPTIONS,
  type ExceptionCategory,
  type ExceptionOwner,
  type ExceptionRecord,
  type ExceptionStatus,
} from "./exceptions.ts";
import { findPage, type Filter, type Store } from "@waybill/store";

export interface ExceptionFilter {
  status?: ExceptionStatus | null;
  category?: ExceptionCategory | null;
  owner?: ExceptionOwner | null;
  first?: number | null;
  /** Start after this exception: those first seen earlier, or at that instant with a lower id. */
  after?: { firstSeenAt: Date; id: string } | null;
}

/** Newest first by when it was first parked (a fixed instant, so pages stay put), ties by id. */
const NEWEST_FIRST = [
  { field: "firstSeenAt", direction: -1 },
  { field: "_id", direction: -1 },
] as const;

/** Applies one event through the service's inbox and handlers; "duplicate" when already applied. */
export type ApplyEvent = (event: ConsumedEvent) => Promise<"handled" | "duplicate">;

export type RetryOutcome =
  | { kind: "retried"; record: ExceptionRecord }
  | { kind: "failed"; record: ExceptionRecord }
  | { kind: "unknown" }
  | { kind: "closed"; record: ExceptionRecord };

/** The exception queue of one service: list, retry and resolve what its consumers parked. */
export function exceptionQueue(store: Store, apply: ApplyEvent) {
  const exceptions = store.collection<ExceptionRecord>(EXCEPTIONS);

  async function close(
    id: string,
    status: ExceptionStatus,
    resolution: string,
  ): Promise<ExceptionRecord | null> {
    return exceptions.findOneAndUpdate(
      { _id: id, status: "open" },
      { $set: { status, resolution, resolvedAt: new Date() } },
      { returnDocument: "after" },
    );
  }

  return {
    /**
     * A page of exceptions, newest first by when they were first parked: up to `first + 1`, the
     * extra one telling that more follow.
     */
    list(filter: ExceptionFilter): Promise<ExceptionRecord[]> {
      const query: Filter = {};
      for (const key of ["status", "category", "owner"] as const)
        if (filter[key]) query[key] = filter[key];
      const after = filter.after ? [filter.after.firstSeenAt, filter.after.id] : null;
      return findPage(exceptions, query, NEWEST_FIRST, { first: filter.first ?? 50, after });
    },
    get: (id: string) => exceptions.findOne({ _id: id }),
    /** Applies the parked event again (through the inbox, so never twice); closes it on success. */
    async retry(id: string): Promise<RetryOutcome> {
      const record = await exceptions.findOne({ _id: id });
      if (!record) return { kind: "unknown" };
      if (record.status !== "open") return { kind: "closed", record };
      try {
        const outcome = await apply(decodeEvent(record.event));
        const closed = await close(
          id,
          "retried",
          outcome === "duplicate" ? "already applied" : "applied on retry",
        );
        return closed ? { kind: "retried", record: closed } : { kind: "closed", record };
      } catch (error) {
        const failed = await exceptions.findOneAndUpdate(
          { _id: id },
          { $set: { error: errorText(error), lastSeenAt: new Date() }, $inc: { attempts: 1 } },
          { returnDocument: "after" },
        );
        return { kind: "failed", record: failed ?? record };
      }
    },
    /** Closes an exception by hand, with the reason. */
    async resolve(id: string, comment: string): Promise<RetryOutcome> {
      const record = await exceptions.findOne({ _id: id });
      if (!record) return { kind: "unknown" };
      const closed = await close(id, "resolved", comment);
      return closed ? { kind: "retried", record: closed } : { kind: "closed", record };
    },
  };
}

export type ExceptionQueue = ReturnType<typeof exceptionQueue>;
