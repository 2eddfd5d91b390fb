import type { Session } from "@waybill/store";
import type { OrdersContext } from "../../context.ts";
import { caseResolvedEntry, closedKeyOf } from "../domain/service-case.ts";
import { tellCase } from "../events/cases.ts";
import type { ServiceCaseRecord } from "../store/records.ts";

export type ServiceCaseOutcome =
  | { kind: "ok"; serviceCase: ServiceCaseRecord }
  | { kind: "not_found"; caseId: string }
  | { kind: "resolved"; caseId: string }
  | { kind: "invalid"; field: string; message: string };

const MAX_TEXT = 200;
const MAX_BODY = 5_000;

function text(field: string, value: string, max: number): string | ServiceCaseOutcome {
  const trimmed = value.trim();
  if (!trimmed) return { kind: "invalid", field, message: `${field} must not be empty` };
  if (trimmed.length > max)
    return { kind: "invalid", field, message: `${field} has at most ${max} characters` };
  return trimmed;
}

type Change = Partial<Omit<ServiceCaseRecord, "_id" | "revision">>;

/**
 * Loads the case in a transaction and applies `change`, unless `openOnly` and it is resolved,
 * and tells the case's new state.
 */
async function changeCase(
  ctx: OrdersContext,
  caseId: string,
  openOnly: boolean,
  change: (serviceCase: ServiceCaseRecord, now: Date, session: Session) => Promise<Change>,
): Promise<ServiceCaseOutcome> {
  return ctx.runtime.transact(async (work): Promise<ServiceCaseOutcome> => {
    const { session } = work;
    const serviceCase = await ctx.customerService.findCase(caseId, session);
    if (!serviceCase) return { kind: "not_found", caseId };
    if (openOnly && serviceCase.status === "RESOLVED") return { kind: "resolved", caseId };
    const at = new Date();
    const changed = await change(serviceCase, at, session);
    const saved = await ctx.customerService.changeCase(caseId, changed, session);
    if (!saved) return { kind: "not_found", caseId };
    await tellCase(work, saved, at);
    return { kind: "ok", serviceCase: saved };
  });
}

export async function assignServiceCase(ctx: OrdersContext, caseId: string, assignee: string) {
  const name = text("assignee", assignee, MAX_TEXT);
  if (typeof name !== "string") return name;
  return changeCase(ctx, caseId, true, () => Promise.resolve({ assignee: name }));
}

export async function commentOnServiceCase(
  ctx: OrdersContext,
  caseId: string,
  author: string,
  body: string,
) {
  const by = text("author", author, MAX_TEXT);
  if (typeof by !== "string") return by;
  const comment = text("body", body, MAX_BODY);
  if (typeof comment !== "string") return comment;
  return changeCase(ctx, caseId, false, (serviceCase, at) =>
    Promise.resolve({ notes: [...serviceCase.notes, { at, author: by, body: comment }] }),
  );
}

/** Resolves a case by hand and records it on the order's timeline. */
export async function resolveServiceCase(ctx: OrdersContext, caseId: string, resolution: string) {
  const why = text("resolution", resolution, MAX_BODY);
  if (typeof why !== "string") return why;
  return changeCase(ctx, caseId, true, async (serviceCase, at, session) => {
    const entry = caseResolvedEntry(serviceCase, at, why);
    await ctx.customerService.addToTimeline(serviceCase.orderId, [entry], session);
    return {
      status: "RESOLVED",
      openKey: closedKeyOf(serviceCase),
      resolvedAt: at,
      resolution: why,
    };
  });
}
