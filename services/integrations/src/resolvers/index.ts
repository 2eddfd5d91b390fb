import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { Connector, ConnectorDelivery, ConnectorMutation, ConnectorQuery } from "./connectors.ts";
import { OutboundMutation, OutboundQuery, WebhookDelivery, WebhookEndpoint } from "./outbound.ts";
import { ReceiptQuery, WebhookReceipt } from "./receipts.ts";

export const resolvers: Resolvers = {
  DateTime,
  Query: { ...ReceiptQuery, ...OutboundQuery, ...ConnectorQuery },
  Mutation: { ...OutboundMutation, ...ConnectorMutation },
  WebhookReceipt,
  WebhookEndpoint,
  WebhookDelivery,
  Connector,
  ConnectorDelivery,
};
