import { paged } from "@waybill/graphql";
import type {
  ConnectorDeliveryResolvers,
  ConnectorResolvers,
  MutationResolvers,
  QueryResolvers,
} from "../generated/resolvers.ts";
import {
  healthOf,
  listConnectors,
  replayDeliveries,
  replayDelivery,
  retryDelivery,
} from "../connectors/admin.ts";
import { CONNECTOR_DELIVERIES_NEWEST_FIRST } from "../store/pages.ts";

export const ConnectorQuery: QueryResolvers = {
  connectors: (_, __, ctx) => listConnectors(ctx.connectors, ctx.principal),
};

export const ConnectorMutation: MutationResolvers = {
  retryConnectorDelivery: (_, { id }, ctx) => retryDelivery(ctx.connectors, ctx.principal, id),
  replayConnectorDelivery: (_, { id }, ctx) => replayDelivery(ctx.connectors, ctx.principal, id),
  replayConnectorDeliveries: (_, { connector, since }, ctx) =>
    replayDeliveries(ctx.connectors, ctx.principal, connector, since),
};

// A connector was authorised when the list was read: its figures and deliveries go with it.
export const Connector: ConnectorResolvers = {
  name: (run) => run.connector.name,
  health: (run) => healthOf(run, Date.now()),
  backlog: (run) => run.repo.backlog(run.connector.name),
  deliveries: (run, args) =>
    paged(args, CONNECTOR_DELIVERIES_NEWEST_FIRST, (page) =>
      run.repo.deliveriesPage(run.connector.name, page),
    ),
};

export const ConnectorDelivery: ConnectorDeliveryResolvers = {
  id: (delivery) => delivery._id,
  kind: (delivery) => delivery.kind.toUpperCase(),
  state: (delivery) => delivery.state.toUpperCase(),
};
