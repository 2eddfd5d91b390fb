import { z } from "zod";
import { requestPrincipal } from "@waybill/auth";
import { INBOX } from "@waybill/bus";
import { httpErrors, readJsonBody, sendJson, type RequestHandler } from "@waybill/http";
import type { Store } from "@waybill/store";

/** The internal path where a service answers the gateway's reconciliation; the gateway is its only caller. */
export const RECONCILIATION_PATH = "/internal/reconciliation";

/** A trigger event a service can publish again, named by its kind and the entity's id. */
export type Trigger = { kind: string; id: string };

/** Which orders the facts are about; `references` name their shipments and returns. */
export type FactsQuery = {
  orderIds: string[];
  references: string[];
  from: Date | null;
  to: Date | null;
};

/**
 * What a service tells the reconciliation: its own facts about some orders (in its own words and
 * with its own judgements), and how to publish a lost trigger again.
 */
export interface ReconciliationSource {
  /**
   * The service's facts about the orders placed in `[from, to)` when the service owns orders, or
   * about `orderIds` otherwise. JSON-serialisable.
   */
  facts(query: FactsQuery): Promise<unknown>;
  /**
   * Writes the trigger's event to the outbox again, with the event id it first had, so consumers
   * that applied it skip it and those that lost it apply it. False for a trigger it does not know.
   */
  reemit?(trigger: Trigger): Promise<boolean>;
}

const MAX_BODY_BYTES = 1_048_576;
const MAX_IDS = 5_000;
const instant = z.iso.datetime({ offset: true });

const request = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("facts"),
    orderIds: z.array(z.string().min(1)).max(MAX_IDS).default([]),
    references: z.array(z.string().min(1)).max(MAX_IDS).default([]),
    from: instant.nullish(),
    to: instant.nullish(),
  }),
  /** Which of these event ids this service's consumers have applied (its inbox). */
  z.object({ action: z.literal("heard"), eventIds: z.array(z.string().min(1)).max(MAX_IDS) }),
  z.object({
    action: z.literal("reemit"),
    trigger: z.object({ kind: z.string().min(1), id: z.string().min(1) }),
  }),
]);

/**
 * `POST /internal/reconciliation` with `{ action, ... }`: facts, heard, reemit. Finance and
 * operators reach it through the gateway's `reconciliation` query and its sweep.
 */
export function reconciliationRoute(
  service: string,
  store: Store,
  source: ReconciliationSource,
): Record<string, RequestHandler> {
  const inbox = store.collection<{ _id: string; eventId: string }>(INBOX);
  const handler: RequestHandler = async (req, res) => {
    if (req.method !== "POST") throw httpErrors.methodNotAllowed("POST");
    const principal = requestPrincipal(req);
    if (!principal) throw httpErrors.unauthenticated("authentication required");
    if (!principal.scopes.includes("reconciliation")) throw httpErrors.forbidden("not permitted");
    const parsed = request.safeParse(await readJsonBody(req, MAX_BODY_BYTES));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw httpErrors.badRequest(problems.join("; "));
    }
    const body = parsed.data;
    switch (body.action) {
      case "facts":
        return sendJson(res, 200, {
          facts: await source.facts({
            orderIds: body.orderIds,
            references: body.references,
            from: body.from ? new Date(body.from) : null,
            to: body.to ? new Date(body.to) : null,
          }),
        });
      case "heard": {
        const keys = body.eventIds.map((id) => `${service}:${id}`);
        const records = await inbox.find({ _id: { $in: keys } });
        return sendJson(res, 200, { heard: records.map((record) => record.eventId) });
      }
      case "reemit":
        return sendJson(res, 200, {
          reemitted: (await source.reemit?.(body.trigger)) ?? false,
        });
    }
  };
  return { [RECONCILIATION_PATH]: handler };
}
