// The integrations subgraph's outbound webhook documents: endpoints and their delivery log.
import { graphql } from "./generated/gql.ts";

export const REGISTER_WEBHOOK_ENDPOINT = graphql(`
  mutation RegisterWebhookEndpoint($url: String!, $eventTypes: [String!]!, $accounts: [ID!]!) {
    registerWebhookEndpoint(url: $url, eventTypes: $eventTypes, accounts: $accounts) {
      secret
      endpoint {
        id
        url
        enabled
      }
    }
  }
`);

/** An endpoint with its newest deliveries and their attempts. */
export const WEBHOOK_DELIVERIES = graphql(`
  query WebhookDeliveries($id: ID!) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: 50) {
        edges {
          node {
            id
            type
            state
            attempts {
              status
              latencyMs
            }
          }
        }
      }
    }
  }
`);
