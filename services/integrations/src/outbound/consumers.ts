import type { ConsumerDefinition, UnitOfWork } from "@waybill/service";
import type { ConsumedEvent } from "@waybill/bus";
import type { OutboundRepository } from "../store/outbound.ts";
import { streamOf, WEBHOOK_EVENT_TYPES } from "./events.ts";
import { fanOut } from "./fan-out.ts";

/**
 * The integrations service reads every stream partners can hear of, through its inbox: each event
 * becomes one delivery per endpoint that hears it, in the inbox record's transaction.
 */
export function outboundConsumers(repo: OutboundRepository): ConsumerDefinition[] {
  const handle = async (event: ConsumedEvent, work: UnitOfWork) => {
    await fanOut(repo, event, work.session);
  };
  const streams = [...new Set(WEBHOOK_EVENT_TYPES.map(streamOf))];
  return streams.map((stream) => ({
    stream,
    handlers: Object.fromEntries(
      WEBHOOK_EVENT_TYPES.filter((type) => streamOf(type) === stream).map((type) => [type, handle]),
    ),
  }));
}
