import type { NatsConnection } from "@nats-io/transport-node";
import type { Logger } from "@waybill/observability";

/** Follows a connection's state, so publishers can wait out a reconnect instead of losing the message. */
export interface ConnectionWatch {
  readonly connected: boolean;
  /** Resolves when connected; rejects after `timeoutMs` without a connection. */
  ready(timeoutMs: number): Promise<void>;
}

/** Watches (and logs) disconnects and reconnects of `connection`. */
export function watchConnection(connection: NatsConnection, logger: Logger): ConnectionWatch {
  let connected = true;
  let waiters: (() => void)[] = [];

  async function follow(): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === "disconnect") {
        connected = false;
        logger.warn({ server: status.server }, "nats disconnected");
      } else if (status.type === "reconnect") {
        connected = true;
        logger.info({ server: status.server }, "nats reconnected");
        for (const wake of waiters.splice(0)) wake();
      } else if (status.type === "error") {
        logger.error({ err: status.error }, "nats error");
      }
    }
  }
  follow().catch((error: unknown) => logger.error({ err: error }, "nats status watch failed"));

  return {
    get connected() {
      return connected;
    },
    ready(timeoutMs) {
      // The client drops what is written while it reconnects: wait rather than publish into the void.
      if (connected) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== wake);
          reject(new Error(`not connected to NATS after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(wake);
      });
    },
  };
}
