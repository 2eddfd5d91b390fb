import type { MilestoneType } from "@waybill/contracts";
import { HttpError } from "@waybill/http";
import type { ZodType } from "zod";
import { CARRIER_PRINCIPAL } from "../hub/client.ts";
import { carrierEventKey } from "../store/repository.ts";
import type { WebhookAnswer, WebhookDelivery } from "./source.ts";

/** One canonical milestone a carrier event maps to, as `recordMilestone` takes it. */
export interface CarrierMilestone {
  type: MilestoneType;
  /** ISO 8601 with an offset, as the carrier gave it. */
  occurredAt: string;
  location: string | null;
  detail: string | null;
  signedBy: string | null;
  reasonCode: string | null;
}

/**
 * A carrier's update as milestones: a delivery that names who signed for it is also the proof of
 * delivery, with the same time and place.
 */
export function milestonesOf(
  milestone: CarrierMilestone,
  signer: string | null,
): CarrierMilestone[] {
  return milestone.type === "DELIVERED" && signer
    ? [milestone, { ...milestone, type: "PROOF_OF_DELIVERY", signedBy: signer }]
    : [milestone];
}

/** A carrier's event, mapped: its id at the source, the parcel it is about, its milestones. */
export interface CarrierEvent {
  eventId: string;
  carrier: string;
  trackingNumber: string;
  milestones: CarrierMilestone[];
}

/**
 * What a source's mapping makes of a payload: an event to record; one that says nothing a
 * milestone can tell (answered 200, kept as a receipt); or one that cannot be mapped (422).
 */
export type Mapped = { event: CarrierEvent } | { ignored: string } | { unmappable: string };

const RECORD_MILESTONE = /* GraphQL */ `
  mutation RecordCarrierMilestone($input: RecordMilestoneInput!) {
    recordMilestone(input: $input) {
      __typename
      ... on Shipment {
        id
      }
      ... on ParkedMilestone {
        id
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Recorded =
  | { __typename: "Shipment" | "ParkedMilestone"; id: string }
  | { __typename: string; code: string; message: string };

/**
 * Hands a mapped carrier event's milestones to shipments, once per source event id. Shipments
 * matches the carrier and tracking number (carriers recycle numbers), parks a milestone for a
 * parcel it does not know yet and ignores one it already has, so a delivery retried after a
 * partial failure only adds what was missing. The event id is recorded after every milestone was
 * taken; the same event again is answered DUPLICATE without asking the hub.
 */
export async function recordCarrierEvent(
  delivery: WebhookDelivery,
  source: string,
  mapped: Mapped,
): Promise<WebhookAnswer> {
  if ("unmappable" in mapped) throw new HttpError(422, "UNMAPPABLE_EVENT", mapped.unmappable);
  if ("ignored" in mapped)
    return {
      status: 200,
      body: { outcome: "IGNORED", detail: mapped.ignored },
      outcome: "IGNORED",
      detail: mapped.ignored,
    };
  const { event } = mapped;
  const reference = carrierEventKey(source, event.eventId);
  const before = await delivery.repo.handledCarrierEvent(source, event.eventId);
  if (before) return duplicate(reference, before.results);
  const results: string[] = [];
  for (const milestone of event.milestones) {
    const input = { carrier: event.carrier, trackingNumber: event.trackingNumber, ...milestone };
    const { recordMilestone: answer } = await delivery.hub.execute<{ recordMilestone: Recorded }>(
      RECORD_MILESTONE,
      { input },
      CARRIER_PRINCIPAL,
    );
    if (!("id" in answer))
      throw new HttpError(422, "UNPROCESSABLE_MILESTONE", `${milestone.type}: ${answer.message}`);
    results.push(`${answer.__typename === "Shipment" ? "RECORDED" : "PARKED"} ${answer.id}`);
  }
  const recorded = await delivery.repo.recordCarrierEvent({
    _id: reference,
    source,
    eventId: event.eventId,
    carrier: event.carrier,
    trackingNumber: event.trackingNumber,
    results,
    handledAt: new Date(),
  });
  if (!recorded) return duplicate(reference, results);
  const parked = results.every((result) => result.startsWith("PARKED"));
  const outcome = parked ? "MILESTONE_PARKED" : "MILESTONE_RECORDED";
  return {
    status: 200,
    body: { outcome, event: reference, milestones: event.milestones.map((m) => m.type), results },
    outcome,
    detail: results.join(", "),
    reference,
  };
}

function duplicate(reference: string, results: string[]): WebhookAnswer {
  return {
    status: 200,
    body: { outcome: "DUPLICATE", event: reference, results },
    outcome: "DUPLICATE",
    reference,
  };
}

/** Parses a JSON body against a source's payload shape; 400 with every problem when it is not. */
export function parsePayload<T>(
  body: Buffer,
  shape: ZodType<T>,
  what: string,
  parse: (text: string) => unknown = JSON.parse,
): T {
  let json: unknown;
  try {
    json = parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "MALFORMED_EVENT", "body is not valid JSON");
  }
  const parsed = shape.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
  );
  throw new HttpError(400, "MALFORMED_EVENT", `not ${what}: ${issues.join("; ")}`);
}

/** A carrier's optional free text: trimmed, empty as null. */
export const text = (value: string | null | undefined): string | null => value?.trim() || null;
