// The billing subgraph's documents: an order's invoices with their holds, and releasing a hold.
import { graphql } from "./generated/gql.ts";

/** An order's shipments and invoices as the billing policies and holds move them. */
export const ORDER_BILLING = graphql(`
  query OrderBilling($id: ID!) {
    order(id: $id) {
      fulfilmentStatus
      billingStatus
      shipments {
        edges {
          node {
            id
            status
            milestones {
              edges {
                node {
                  type
                  late
                }
              }
            }
            proofOfDelivery {
              signedBy
            }
          }
        }
      }
      invoices {
        edges {
          node {
            id
            number
            status
            touchless
            policy
            shipment {
              id
            }
            lines {
              lineId
              quantity
            }
            holds {
              reason
              releasedBy
              releasedAt
            }
          }
        }
      }
    }
  }
`);

/** Which invoice each of an order's shipments has, and the invoices' numbers and statuses. */
export const INVOICES_OF_ORDER = graphql(`
  query InvoicesOfOrder($id: ID!) {
    order(id: $id) {
      shipments {
        edges {
          node {
            id
            invoice {
              number
            }
          }
        }
      }
      invoices {
        edges {
          node {
            id
            number
            status
          }
        }
      }
    }
  }
`);

export const RELEASE_INVOICE = graphql(`
  mutation ReleaseInvoice($input: ReleaseInvoiceInput!) {
    releaseInvoice(input: $input) {
      __typename
      ... on Invoice {
        id
        number
        status
        touchless
        holds {
          reason
          releasedBy
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

export const INVOICE_IDS = graphql(`
  query InvoiceIds($orderId: ID!) {
    invoices(orderId: $orderId) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

/** A shipment's status and milestones, and its invoice with the holds on it and on its collection. */
export const SHIPMENT_INVOICE = graphql(`
  query ShipmentInvoice($id: ID!) {
    shipment(id: $id) {
      status
      milestones {
        edges {
          node {
            type
            late
          }
        }
      }
      invoice {
        id
        number
        status
        issuedAt
        holds {
          reason
          heldAt
        }
        collectionOnHold
        collectionHolds {
          reason
          heldAt
          releasedAt
          releasedBy
        }
      }
    }
  }
`);
