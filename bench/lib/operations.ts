// The GraphQL documents the benchmarks send, and their result shapes.

/** The reference query: one order with what all five subgraphs know of it. */
export const ORDER_360 = /* GraphQL */ `
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
          type
          occurredAt
          late
        }
        invoice {
          id
          number
          status
        }
      }
      invoices {
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
        total {
          amount
          currency
        }
        shipment {
          id
          trackingNumber
        }
      }
      returns {
        id
        status
        lines {
          lineId
          quantity
        }
      }
      timeline {
        kind
        message
        reference
      }
    }
  }
`;

/** A customer's order list with each order's shipments and invoices: the N+1 trap. */
export const CUSTOMER_ORDERS = /* GraphQL */ `
  query CustomerOrders($customerId: ID!, $first: Int!) {
    orders(customerId: $customerId, first: $first) {
      id
      placedAt
      fulfilmentStatus
      billingStatus
      total {
        amount
        currency
      }
      shipments {
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
      invoices {
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
`;

/** A list of orders joined across all five subgraphs, for counting store round-trips. */
export const ORDERS_ACROSS_SUBGRAPHS = /* GraphQL */ `
  query OrdersAcross($customerId: ID!, $first: Int!) {
    orders(customerId: $customerId, first: $first) {
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
      shipments {
        id
        status
        milestones {
          type
        }
        invoice {
          number
        }
        order {
          id
        }
      }
      invoices {
        number
        shipment {
          trackingNumber
        }
        order {
          id
        }
      }
      returns {
        id
      }
    }
  }
`;

export const PLACE_ORDER = /* GraphQL */ `
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
    }
  }
`;
export type PlaceOrderData = {
  placeOrder: { __typename: string; id?: string; lines?: { id: string }[]; message?: string };
};

export const CONFIRM_SHIPMENT = /* GraphQL */ `
  mutation ConfirmShipment($input: ConfirmShipmentInput!) {
    confirmShipment(input: $input) {
      __typename
      ... on Shipment {
        id
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;
export type ConfirmShipmentData = {
  confirmShipment: { __typename: string; id?: string; message?: string };
};

export const CONFIRM_SHIPMENTS = /* GraphQL */ `
  mutation ConfirmShipments($inputs: [ConfirmShipmentInput!]!) {
    confirmShipments(inputs: $inputs) {
      __typename
      ... on UserError {
        code
      }
    }
  }
`;
export type ConfirmShipmentsData = {
  confirmShipments: { __typename: string; code?: string }[];
};

export const CREATE_CUSTOMER = /* GraphQL */ `
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
    }
  }
`;

export const CREATE_PRODUCT = /* GraphQL */ `
  mutation CreateProduct($sku: String!, $warehouse: String!, $quantity: Int!) {
    createProduct(input: { sku: $sku, name: $sku }) {
      __typename
    }
    receiveStock(input: { sku: $sku, warehouse: $warehouse, quantity: $quantity }) {
      __typename
    }
  }
`;

export const RECORD_MILESTONE = /* GraphQL */ `
  mutation RecordMilestone($input: RecordMilestoneInput!) {
    recordMilestone(input: $input) {
      __typename
    }
  }
`;

export const REQUEST_RETURN = /* GraphQL */ `
  mutation RequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      __typename
    }
  }
`;

export const INVOICES_OF_ORDER = /* GraphQL */ `
  query InvoicesOfOrder($id: ID!) {
    order(id: $id) {
      invoices {
        status
      }
    }
  }
`;
