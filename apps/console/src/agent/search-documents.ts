import { graphql } from "../generated/gql.ts";

/**
 * One term, three readings the API can answer: an order's id (its number), a tracking number of
 * any carrier, and a customer's id with their newest orders. Each reading the caller may not see
 * comes back empty, as the API hides it.
 */
export const SEARCH = graphql(`
  query Search($id: ID!, $trackingNumber: String!) {
    order(id: $id) {
      ...OrderHit
    }
    shipmentsByTrackingNumber(trackingNumber: $trackingNumber) {
      id
      carrier
      trackingNumber
      status
      shippedAt
      order {
        ...OrderHit
      }
    }
    customer(id: $id) {
      id
      name
      orders(first: 20) {
        edges {
          node {
            ...OrderHit
          }
        }
      }
    }
  }

  fragment OrderHit on Order {
    id
    channel
    externalReference
    placedAt
    fulfilmentStatus
    billingStatus
    total {
      amount
      currency
    }
    customer {
      id
      name
    }
  }
`);
