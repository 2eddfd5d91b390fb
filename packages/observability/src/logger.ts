import { pino, type Logger } from "pino";
import { currentContext } from "./context.ts";

export type { Logger };

/** A JSON logger whose every line carries the current correlation id. */
export function createLogger(
  service: string,
  level: string = process.env.LOG_LEVEL ?? "info",
): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    mixin() {
      const context = currentContext();
      return context ? { correlationId: context.correlationId } : {};
    },
  });
}
