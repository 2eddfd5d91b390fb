import { Agent, request, type IncomingHttpHeaders } from "node:http";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { INTERNAL_HEADERS, signRequest } from "@waybill/auth";

/** The fetch function `RemoteGraphQLDataSource` calls subgraphs with. */
type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse["headers"];

/** Read-only view of a response's headers (names are lower case in Node). */
class ResponseHeaders implements FetcherHeaders {
  readonly #headers: Map<string, string>;
  constructor(raw: IncomingHttpHeaders) {
    this.#headers = new Map();
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined)
        this.#headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  get = (name: string) => this.#headers.get(name.toLowerCase()) ?? null;
  has = (name: string) => this.#headers.has(name.toLowerCase());
  set = (name: string, value: string) => void this.#headers.set(name.toLowerCase(), value);
  append = (name: string, value: string) => {
    const current = this.get(name);
    this.set(name, current === null ? value : `${current}, ${value}`);
  };
  delete = (name: string) => void this.#headers.delete(name.toLowerCase());
  entries = () => this.#headers.entries();
  keys = () => this.#headers.keys();
  values = () => this.#headers.values();
  [Symbol.iterator] = () => this.#headers.entries();
}

class SubgraphResponse implements FetcherResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: ResponseHeaders;
  readonly redirected = false;
  readonly #body: Buffer;
  #used = false;
  constructor(
    url: string,
    status: number,
    statusText: string,
    headers: ResponseHeaders,
    body: Buffer,
  ) {
    this.url = url;
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.#body = body;
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  get bodyUsed() {
    return this.#used;
  }
  #consume(): Buffer {
    if (this.#used) throw new TypeError("body used already");
    this.#used = true;
    return this.#body;
  }
  text = () => Promise.resolve(this.#consume().toString("utf8"));
  json = (): Promise<unknown> => this.text().then((text) => JSON.parse(text) as unknown);
  arrayBuffer = () => {
    const body = this.#consume();
    return Promise.resolve(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    );
  };
  clone = () =>
    new SubgraphResponse(this.url, this.status, this.statusText, this.headers, this.#body);
}

/** An error shaped like the one the default fetcher (minipass-fetch) raises when a call fails. */
class FetchError extends Error {
  readonly code: string;
  constructor(url: string, cause: NodeJS.ErrnoException) {
    super(`request to ${url} failed, reason: ${cause.message}`, { cause });
    this.name = "FetchError";
    this.code = cause.code ?? "FETCH_ERROR";
  }
}

/**
 * A fetcher for subgraph calls over plain HTTP with kept-alive connections. The default one
 * (make-fetch-happen) spends a large share of the gateway's CPU per call: it builds an Error to
 * read its stack for every request (agent-base `isSecureEndpoint`) and goes through several
 * stream and option layers. Subgraphs are plain `http:` URLs on the private network.
 *
 * Every call is signed with `signingKey` (method, path, time, body and the principal header set
 * by the data source), which is what subgraphs accept instead of a client's own request.
 */
export function keepAliveFetcher(signingKey: Buffer): Fetcher {
  // Idle sockets are closed after 4 s, well before a subgraph's own keep-alive timeout (65 s), so
  // a request is never written to a socket the subgraph is closing at that moment.
  const agent = new Agent({ keepAlive: true, timeout: 4_000, scheduling: "lifo" });
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== "http:") {
        reject(new Error(`keepAliveFetcher serves http: subgraph URLs only, not ${url}`));
        return;
      }
      const body = init.body ?? "";
      const method = init.method ?? "GET";
      const headers = { ...init.headers };
      const signature = signRequest(signingKey, {
        method,
        path: `${target.pathname}${target.search}`,
        body,
        principal: headers[INTERNAL_HEADERS.principal] ?? "",
      });
      const outgoing = request(
        target,
        {
          agent,
          method,
          headers: {
            ...headers,
            ...signature,
            "content-length": String(Buffer.byteLength(body)),
          },
          signal: init.signal as AbortSignal | undefined,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", (error) => reject(new FetchError(url, error)));
          incoming.on("end", () => {
            const status = incoming.statusCode ?? 0;
            resolve(
              new SubgraphResponse(
                url,
                status,
                incoming.statusMessage ?? "",
                new ResponseHeaders(incoming.headers),
                Buffer.concat(chunks),
              ),
            );
          });
        },
      );
      outgoing.on("error", (error) => reject(new FetchError(url, error)));
      outgoing.end(body);
    });
}
