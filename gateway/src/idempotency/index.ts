export { idempotencyEnv } from "./config.ts";
export { idempotencyRecords, type IdempotencyRecords } from "./records.ts";
export { idempotencyKeyOf, IDEMPOTENCY_KEY_HEADER } from "./request.ts";
export { idempotentExecution, type GraphQLAnswer, type IdempotencyOutcome } from "./serve.ts";
