import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendFailure } from "./reply.ts";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The first value of a request header (Node joins or lists repeated ones). */
export function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Listens and resolves with the bound port (0 picks a free one). */
export function listen(handler: RequestHandler, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    // Last line of defence: a failing handler answers 500 instead of taking the process down.
    Promise.resolve(handler(req, res)).catch((error: unknown) =>
      sendFailure(res, error, "graphql", () =>
        process.emitWarning(
          `request ${req.method ?? ""} ${req.url ?? ""} failed: ${String(error)}`,
        ),
      ),
    );
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** The port a listening server is bound to. */
export function boundPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** Stops accepting connections and waits for open requests to finish. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
