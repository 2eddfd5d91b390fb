import type { ServiceRuntime } from "@waybill/service";
import { outboundRepository, type OutboundRepository } from "../store/outbound.ts";
import { outboundConfig, type OutboundConfig } from "./config.ts";
import type { Delivery } from "./deliver.ts";
import { outboundMetrics } from "./metrics.ts";
import { webhookSender } from "./sender.ts";
import { type Resolver, targetGuard, type TargetGuard } from "./ssrf.ts";

/** Everything outbound webhooks use: configuration, store, the address guard and the sender. */
export interface Outbound {
  config: OutboundConfig;
  repo: OutboundRepository;
  guard: TargetGuard;
  delivery: Delivery;
}

/** Builds the outbound webhooks of a runtime; `resolver` replaces DNS (tests of rebinding). */
export function createOutbound(
  runtime: ServiceRuntime,
  config: OutboundConfig,
  resolver?: Resolver,
): Outbound {
  const repo = outboundRepository(runtime.store);
  const guard = targetGuard({
    allowed: config.allowedNetworks,
    allowHttp: config.allowHttp,
    ...(resolver ? { resolver } : {}),
  });
  const delivery: Delivery = {
    repo,
    sender: webhookSender(guard, config.timeoutMs),
    metrics: outboundMetrics(runtime.metrics, () => repo.countDisabled()),
    logger: runtime.logger,
    schedule: config.schedule,
    timeoutMs: config.timeoutMs,
    disableAfterMs: config.disableAfterMs,
    probeIntervalMs: config.probeIntervalMs,
    concurrency: config.concurrency,
  };
  return { config, repo, guard, delivery };
}

const byRuntime = new WeakMap<ServiceRuntime, Outbound>();

/** The service's outbound webhooks, configured from the environment once per runtime. */
export function outboundOf(runtime: ServiceRuntime): Outbound {
  let outbound = byRuntime.get(runtime);
  if (!outbound) {
    outbound = createOutbound(runtime, outboundConfig(process.env));
    byRuntime.set(runtime, outbound);
  }
  return outbound;
}
