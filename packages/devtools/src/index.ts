export {
  milestoneRecorded,
  newShipmentConfirmed,
  shipmentConfirmed,
  shipmentConfirmedData,
} from "./bus-events.ts";
export { busTestbed, type BusTestbed, count } from "./bus-harness.ts";
export { metricValue, parseMetrics, type Sample, scrapeMetrics } from "./metrics.ts";
export {
  findNatsServer,
  freePort,
  freePorts,
  NatsServerNotFoundError,
  type NatsServerProcess,
  startNatsServer,
} from "./nats-server.ts";
export { startTestNats, type TestNats } from "./nats.ts";
export { testPrincipal } from "./principals.ts";
export { openTestStore, type TestStore } from "./store.ts";
export { waitFor } from "./wait.ts";
export { startReceiver, type TestReceiver } from "./webhook-receiver.ts";
