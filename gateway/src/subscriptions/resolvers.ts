import { type Principal, requireScope } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import type { MilestoneFeed, MilestoneFilter } from "./milestones.ts";

type Context = { principal?: Principal };

/** Subscriptions fed by the event streams; without NATS configured they answer a coded error. */
export function subscriptionResolvers(feed: MilestoneFeed | undefined) {
  return {
    Subscription: {
      shipmentMilestones: {
        subscribe(_: unknown, filter: MilestoneFilter, context: Context) {
          const principal = requireScope(context.principal, "shipments:read");
          if (!feed)
            throw codedError(
              "INTERNAL_SERVER_ERROR",
              "subscriptions need the gateway's NATS_URL to be set",
            );
          return feed(principal, filter);
        },
        resolve: (event: unknown) => event,
      },
    },
  };
}
