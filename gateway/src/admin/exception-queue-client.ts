import { encodePrincipal, type Principal, signRequest } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import { CORRELATION_HEADER, currentContext } from "@waybill/observability";
import { SERVICES, type ServiceName } from "../config.ts";

export type { ServiceName };

export function isService(name: string): name is ServiceName {
  return (SERVICES as readonly string[]).includes(name);
}

export const serviceNames: readonly ServiceName[] = SERVICES;

/**
 * Calls a service's internal route at `path` as `principal`, signed with the gateway's key; a
 * service that cannot be reached is a coded error.
 */
export function internalClient(
  urlOf: (service: ServiceName) => string,
  signingKey: Buffer,
  path: string,
) {
  return async function call<T>(
    service: ServiceName,
    request: Record<string, unknown>,
    principal: Principal,
  ): Promise<T> {
    const url = new URL(path, urlOf(service));
    const trace = currentContext();
    const body = JSON.stringify(request);
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(trace ? { [CORRELATION_HEADER]: trace.correlationId } : {}),
          ...signRequest(signingKey, {
            method: "POST",
            path: url.pathname,
            body,
            principal: encodePrincipal(principal),
          }),
        },
        body,
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw codedError(
        "INTERNAL_SERVER_ERROR",
        `${service} did not answer: ${(error as Error).message}`,
      );
    }
    const payload = (await response.json()) as T & { error?: { code: string; message: string } };
    if (response.ok) return payload;
    const message = payload.error?.message ?? `${service} answered ${response.status}`;
    if (response.status === 404) throw codedError("NOT_FOUND", message);
    if (response.status === 401 || response.status === 403) throw codedError("FORBIDDEN", message);
    throw codedError("BAD_USER_INPUT", message);
  };
}

export type InternalCall = ReturnType<typeof internalClient>;

/** Calls a service's exception queue route. */
export const exceptionQueueClient = (urlOf: (service: ServiceName) => string, signingKey: Buffer) =>
  internalClient(urlOf, signingKey, "/internal/exceptions");

export type ExceptionQueueCall = InternalCall;
