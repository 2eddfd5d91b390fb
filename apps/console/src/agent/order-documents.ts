import { graphql } from "../generated/gql.ts";

/** The order 360's first part: the order, its lines with stock, and its shipments' milestones. */
export const ORDER_OVERVIEW = graphql(`
  query OrderOverview($id: ID!) {
    order(id: $id) {
      id
      channel
      externalReference
      placedAt
      cancelledAt
      fulfilmentStatus
      billingStatus
      total {
        amount
        currency
      }
      customer {
        id
        name
        email
        billingPolicy
      }
      lines {
        id
        sku
        quantity
        shippedQuantity
        invoicedQuantity
        returnedQuantity
        unitPrice {
          amount
          currency
        }
        product {
          name
          available
          onHand
        }
      }
      shipments(first: 20) {
        edges {
          node {
            ...ShipmentView
          }
        }
      }
    }
  }

  fragment ShipmentView on Shipment {
    id
    carrier
    service
    trackingNumber
    status
    shippedAt
    proofOfDelivery {
      signedBy
      photoReference
      occurredAt
    }
    milestones(first: 100) {
      edges {
        node {
          id
          type
          occurredAt
          late
          location
          reasonCode
        }
      }
    }
  }
`);

/** The order 360's money: invoices with their holds, credit notes and returns. */
export const ORDER_BILLING = graphql(`
  query OrderBilling($id: ID!) {
    order(id: $id) {
      id
      invoices(first: 50) {
        edges {
          node {
            id
            number
            status
            issuedAt
            holds {
              reason
              detail
              releasedAt
            }
            total {
              amount
              currency
            }
          }
        }
      }
      creditNotes(first: 50) {
        edges {
          node {
            id
            number
            reason
            issuedAt
            total {
              amount
              currency
            }
          }
        }
      }
      returns(first: 50) {
        edges {
          node {
            id
            status
            reason
            requestedAt
            lines {
              sku
              quantity
              received
              disposition
            }
          }
        }
      }
    }
  }
`);

/** The order 360's service side: its timeline and its cases with their notes. */
export const ORDER_SERVICE = graphql(`
  query OrderService($id: ID!) {
    order(id: $id) {
      id
      timeline(first: 200) {
        edges {
          node {
            at
            kind
            message
          }
        }
      }
      serviceCases(first: 20) {
        edges {
          node {
            ...CaseView
          }
        }
      }
    }
  }

  fragment CaseView on ServiceCase {
    id
    kind
    status
    subject
    trackingNumber
    assignee
    openedAt
    resolvedAt
    resolution
    notes(first: 50) {
      edges {
        node {
          at
          author
          body
        }
      }
    }
  }
`);

/** A milestone as it is recorded, for the order on screen; `after` resumes from a cursor. */
export const LIVE_MILESTONES = graphql(`
  subscription LiveMilestones($orderId: ID!, $after: String) {
    shipmentMilestones(orderId: $orderId, after: $after) {
      cursor
      shipmentId
      type
      status
      occurredAt
      late
      location
      reasonCode
    }
  }
`);
