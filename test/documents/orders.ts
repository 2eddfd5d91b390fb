// The orders subgraph's documents: customers, placing and cancelling orders, service cases, and the
// order as a service agent sees it.
import { graphql } from "./generated/gql.ts";

export const CREATE_CUSTOMER = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      billingPolicy
    }
  }
`);

/** Places an order; each line joins its product from inventory. */
export const PLACE_ORDER = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on Order {
        id
        lines {
          id
          sku
          quantity
          product {
            name
            available
          }
        }
      }
      ... on UserError {
        code
        message
      }
      ... on InvalidOrderError {
        field
      }
    }
  }
`);

/** The ids of a customer's orders. */
export const CUSTOMER_ORDER_IDS = graphql(`
  query CustomerOrderIds($customerId: ID) {
    orders(customerId: $customerId) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const CANCEL_ORDER = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ...CancelledOrder
      ... on UserError {
        code
        message
      }
      ... on CannotCancelShippedError {
        lineId
        shippedQuantity
      }
      ... on InvalidOrderError {
        field
      }
    }
  }
`);

export const CANCEL_ORDER_LINE = graphql(`
  mutation CancelOrderLine($input: CancelOrderLineInput!) {
    cancelOrderLine(input: $input) {
      __typename
      ...CancelledOrder
      ... on UserError {
        code
        message
      }
      ... on CannotCancelShippedError {
        lineId
        shippedQuantity
      }
      ... on InvalidOrderError {
        field
      }
    }
  }
`);

/** What a cancellation answers with when it succeeds. */
export const CANCELLED_ORDER = graphql(`
  fragment CancelledOrder on Order {
    id
    fulfilmentStatus
    cancelledAt
    lines {
      id
      cancelledQuantity
    }
  }
`);

export const ASSIGN_SERVICE_CASE = graphql(`
  mutation AssignServiceCase($caseId: ID!, $assignee: String!) {
    assignServiceCase(caseId: $caseId, assignee: $assignee) {
      ...ServiceCaseResult
    }
  }
`);

export const COMMENT_ON_SERVICE_CASE = graphql(`
  mutation CommentOnServiceCase($caseId: ID!, $author: String!, $body: String!) {
    commentOnServiceCase(caseId: $caseId, author: $author, body: $body) {
      ...ServiceCaseResult
    }
  }
`);

export const RESOLVE_SERVICE_CASE = graphql(`
  mutation ResolveServiceCase($caseId: ID!, $resolution: String!) {
    resolveServiceCase(caseId: $caseId, resolution: $resolution) {
      ...ServiceCaseResult
    }
  }
`);

/** What the service case mutations answer with. */
export const SERVICE_CASE_RESULT = graphql(`
  fragment ServiceCaseResult on ServiceCaseResult {
    __typename
    ... on ServiceCase {
      id
      status
      assignee
      resolution
    }
    ... on UserError {
      code
      message
    }
  }
`);

/** The order as a service agent sees it: lines, shipments, cases and the timeline. */
export const ORDER_SERVICE_VIEW = graphql(`
  query OrderServiceView($id: ID!) {
    order(id: $id) {
      id
      channel
      externalReference
      fulfilmentStatus
      billingStatus
      customer {
        email
        billingPolicy
      }
      lines {
        id
        sku
        quantity
        cancelledQuantity
        shippedQuantity
        deliveredQuantity
        invoicedQuantity
        unitPrice {
          amount
        }
        taxRate
      }
      shipments {
        edges {
          node {
            id
            warehouse
            carrier
            trackingNumber
            status
            invoice {
              number
              status
            }
          }
        }
      }
      serviceCases {
        edges {
          node {
            id
            kind
            status
            subject
            carrier
            trackingNumber
            resolvedAutomatically
            shipment {
              milestones {
                edges {
                  node {
                    type
                    reasonCode
                  }
                }
              }
            }
          }
        }
      }
      timeline {
        edges {
          node {
            kind
            reference
          }
        }
      }
    }
  }
`);

export const OPEN_SERVICE_CASES = graphql(`
  query OpenServiceCases {
    serviceCases(status: OPEN) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

/** The first page of a customer's orders, newest first. */
export const CUSTOMER_ORDER_PAGE = graphql(`
  query CustomerOrderPage($customerId: ID!) {
    orders(customerId: $customerId, first: 10) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

/** A page of a customer's orders, newest first, with where it ends. */
export const ORDER_PAGE = graphql(`
  query OrderPage($customerId: ID!, $first: Int, $after: String) {
    orders(customerId: $customerId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          placedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A page of an order's shipments, from the shipments subgraph. */
export const ORDER_SHIPMENT_PAGE = graphql(`
  query OrderShipmentPage($id: ID!, $first: Int, $after: String) {
    order(id: $id) {
      shipments(first: $first, after: $after) {
        edges {
          node {
            id
            trackingNumber
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
