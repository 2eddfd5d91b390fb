import { paged } from "@waybill/graphql";
import type {
  MutationResolvers,
  QueryResolvers,
  WebhookDeliveryResolvers,
  WebhookEndpointResolvers,
} from "../generated/resolvers.ts";
import {
  disableEndpoint,
  enableEndpoint,
  endpointsPage,
  managedEndpoint,
  registerEndpoint,
  replayDeliveriesSince,
  replayDelivery,
  rotateSecret,
} from "../outbound/endpoints.ts";
import { DELIVERIES_NEWEST_FIRST, ENDPOINTS_OLDEST_FIRST } from "../store/pages.ts";

export const OutboundQuery: QueryResolvers = {
  webhookEndpoints: (_, args, ctx) =>
    paged(args, ENDPOINTS_OLDEST_FIRST, (page) => endpointsPage(ctx.outbound, ctx.principal, page)),
  webhookEndpoint: (_, { id }, ctx) => managedEndpoint(ctx.outbound, ctx.principal, id),
};

export const OutboundMutation: MutationResolvers = {
  registerWebhookEndpoint: (_, input, ctx) => registerEndpoint(ctx.outbound, ctx.principal, input),
  rotateWebhookSecret: (_, { endpointId }, ctx) =>
    rotateSecret(ctx.outbound, ctx.principal, endpointId),
  disableWebhookEndpoint: (_, { endpointId }, ctx) =>
    disableEndpoint(ctx.outbound, ctx.principal, endpointId),
  enableWebhookEndpoint: (_, { endpointId }, ctx) =>
    enableEndpoint(ctx.outbound, ctx.principal, endpointId),
  replayWebhookDelivery: (_, { id }, ctx) => replayDelivery(ctx.outbound, ctx.principal, id),
  replayWebhookDeliveries: (_, { endpointId, since }, ctx) =>
    replayDeliveriesSince(ctx.outbound, ctx.principal, endpointId, since),
};

export const WebhookEndpoint: WebhookEndpointResolvers = {
  id: (endpoint) => endpoint._id,
  // The endpoint was authorised when it was resolved: its deliveries go with it.
  deliveries: (endpoint, args, ctx) =>
    paged(args, DELIVERIES_NEWEST_FIRST, (page) =>
      ctx.outbound.repo.deliveriesPage(endpoint._id, page),
    ),
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  id: (delivery) => delivery._id,
  state: (delivery) => delivery.state.toUpperCase(),
};
