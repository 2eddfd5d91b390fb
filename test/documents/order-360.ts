// Reads that join every subgraph: the order 360 and a customer's orders. The end-to-end tests assert
// on them and the benchmarks measure them, so both send these same documents.
import { graphql } from "./generated/gql.ts";

/** The reference query: one order with what all five subgraphs know of it. */
export const ORDER_360 = graphql(`
  query Order360($id: ID!) {
    order(id: $id) {
      id
      fulfilmentStatus
      billingStatus
      total {
        amount
        currency
      }
      customer {
        id
        name
        billingPolicy
      }
      lines {
        id
        sku
        quantity
        shippedQuantity
        invoicedQuantity
        unitPrice {
          amount
          currency
        }
        product {
          sku
          name
          onHand
          available
          stock {
            warehouse
            onHand
            reserved
            available
          }
        }
      }
      reservations {
        lineId
        reserved
        backordered
        status
      }
      shipments {
        edges {
          node {
            id
            status
            carrier
            trackingNumber
            shippingCharge {
              amount
              currency
            }
            lines {
              lineId
              quantity
            }
            milestones {
              edges {
                node {
                  type
                  occurredAt
                  late
                }
              }
            }
            invoice {
              id
              number
              status
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
            lines {
              lineId
              quantity
              netAmount {
                amount
              }
              taxAmount {
                amount
              }
            }
            shippingCharge {
              amount
            }
            subtotal {
              amount
            }
            taxTotal {
              amount
            }
            total {
              amount
              currency
            }
            shipment {
              id
              trackingNumber
            }
          }
        }
      }
      returns {
        edges {
          node {
            id
            status
            lines {
              lineId
              quantity
            }
          }
        }
      }
      timeline {
        edges {
          node {
            kind
            message
            reference
          }
        }
      }
    }
  }
`);

/**
 * A customer's order list with each order's shipments and invoices: the N+1 trap. The nested lists
 * ask for small pages, as a list of lists must to stay within the gateway's rows limit.
 */
export const CUSTOMER_ORDERS = graphql(`
  query CustomerOrders($customerId: ID!, $first: Int!) {
    orders(customerId: $customerId, first: $first) {
      edges {
        node {
          id
          placedAt
          fulfilmentStatus
          billingStatus
          total {
            amount
            currency
          }
          shipments(first: 5) {
            edges {
              node {
                id
                status
                carrier
                trackingNumber
                invoice {
                  id
                  number
                  status
                }
              }
            }
          }
          invoices(first: 5) {
            edges {
              node {
                id
                number
                status
                total {
                  amount
                  currency
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** A list of orders joined across all five subgraphs, for counting store round-trips. */
export const ORDERS_ACROSS_SUBGRAPHS = graphql(`
  query OrdersAcrossSubgraphs($customerId: ID!, $first: Int!) {
    orders(customerId: $customerId, first: $first) {
      edges {
        node {
          id
          customer {
            name
          }
          lines {
            sku
            product {
              name
              available
            }
          }
          reservations {
            reserved
          }
          shipments(first: 5) {
            edges {
              node {
                id
                status
                milestones(first: 5) {
                  edges {
                    node {
                      type
                    }
                  }
                }
                invoice {
                  number
                }
                order {
                  id
                }
              }
            }
          }
          invoices(first: 5) {
            edges {
              node {
                number
                shipment {
                  trackingNumber
                }
                order {
                  id
                }
              }
            }
          }
          returns(first: 5) {
            edges {
              node {
                id
              }
            }
          }
        }
      }
    }
  }
`);
