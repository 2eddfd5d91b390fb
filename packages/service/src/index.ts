export { consumerOf, mergeByStream } from "./consumers.ts";
export type { BackgroundJob } from "./jobs.ts";
export {
  type ConsumerDefinition,
  createRuntime,
  type Emit,
  type ServiceRuntime,
  type UnitOfWork,
} from "./runtime.ts";
export { transactRetrying } from "./retry.ts";
export { main, type RunningService, runService, type ServiceDefinition } from "./service.ts";
export { serviceEnv } from "./config.ts";
export { newEventId } from "@waybill/bus";
export type { ReconciliationSource } from "./reconciliation/route.ts";
