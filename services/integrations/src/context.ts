import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import { type Connectors, connectorsOf } from "./connectors/connectors.ts";
import { type Outbound, outboundOf } from "./outbound/outbound.ts";
import { integrationsRepository, type IntegrationsRepository } from "./store/repository.ts";

/** What every integrations resolver receives. */
export interface IntegrationsContext {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  repo: IntegrationsRepository;
  /** Outbound webhooks: endpoints, deliveries and the address guard. */
  outbound: Outbound;
  /** The finance connectors switched on, their deliveries and their health. */
  connectors: Connectors;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
): IntegrationsContext {
  return {
    runtime,
    principal,
    repo: integrationsRepository(runtime.store),
    outbound: outboundOf(runtime),
    connectors: connectorsOf(runtime),
  };
}
