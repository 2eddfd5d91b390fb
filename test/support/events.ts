// Events published straight onto the broker, as their producer's outbox relay would publish them:
// for what a test needs of a producer that has no API for it.
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import type { EventData, EventType } from "@waybill/contracts";
import { buildEvent } from "@waybill/bus";

/** Publishes one event on its stream, its id as `Nats-Msg-Id`; returns the event's id. */
export async function publishEvent<T extends EventType>(
  natsUrl: string,
  type: T,
  subject: string,
  data: EventData<T>,
): Promise<string> {
  const event = buildEvent({ type, subject, data, source: "test" });
  const connection = await connect({ servers: natsUrl });
  try {
    await jetstream(connection).publish(type, JSON.stringify(event), { msgID: event.id });
  } finally {
    await connection.close();
  }
  return event.id;
}
