export { queryLimits, type QueryLimits } from "./armor.ts";
export { limitsEnv, type LimitsConfig } from "./config.ts";
export { corsMiddleware, type CorsOutcome } from "./cors.ts";
export { QueryLimitError, type QueryLimitCode } from "./limit-errors.ts";
export {
  applyPersistedDocument,
  combineDocuments,
  loadPersistedDocuments,
  type PersistedDocuments,
} from "./persisted.ts";
export { createRateLimiter, type RateDecision, type RateLimiter } from "./rate-limit.ts";
