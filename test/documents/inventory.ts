// The inventory subgraph's documents: products, stock, counts and reservations.
import { graphql } from "./generated/gql.ts";

/** A product with stock received in one warehouse. */
export const CREATE_PRODUCT = graphql(`
  mutation CreateProduct($sku: String!, $name: String!, $warehouse: String!, $quantity: Int!) {
    createProduct(input: { sku: $sku, name: $name }) {
      __typename
    }
    receiveStock(input: { sku: $sku, warehouse: $warehouse, quantity: $quantity }) {
      __typename
      ... on Product {
        onHand
      }
    }
  }
`);

export const CREATE_PRODUCT_WITHOUT_STOCK = graphql(`
  mutation CreateProductWithoutStock($sku: String!) {
    createProduct(input: { sku: $sku, name: $sku }) {
      __typename
    }
  }
`);

export const RECEIVE_STOCK = graphql(`
  mutation ReceiveStock($input: ReceiveStockInput!) {
    receiveStock(input: $input) {
      __typename
      ... on UserError {
        code
        message
      }
      ... on InvalidStockInputError {
        field
      }
    }
  }
`);

export const ADJUST_STOCK = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      __typename
      ... on Product {
        onHand
      }
      ...StockExceptionFields
      ... on UserError {
        code
        message
      }
      ... on InvalidStockInputError {
        field
      }
    }
  }
`);

export const RESOLVE_STOCK_EXCEPTION = graphql(`
  mutation ResolveStockException($id: ID!, $accept: Boolean!, $comment: String) {
    resolveStockException(id: $id, accept: $accept, comment: $comment) {
      __typename
      ...StockExceptionFields
      ... on UserError {
        code
        message
      }
    }
  }
`);

export const STOCK_EXCEPTIONS = graphql(`
  query StockExceptions($status: StockExceptionStatus) {
    stockExceptions(status: $status) {
      edges {
        node {
          ...StockExceptionFields
        }
      }
    }
  }
`);

export const STOCK_EXCEPTION_FIELDS = graphql(`
  fragment StockExceptionFields on StockException {
    id
    kind
    status
    sku
    warehouse
    expected
    counted
    variance
  }
`);

/** A product's stock in total and per warehouse, with its latest movements. */
export const PRODUCT_STOCK = graphql(`
  query ProductStock($sku: String!) {
    product(sku: $sku) {
      onHand
      reserved
      available
      backordered
      stock {
        warehouse
        onHand
        reserved
        available
      }
      movements(first: 100) {
        edges {
          node {
            kind
            warehouse
            quantity
            reference
          }
        }
      }
    }
  }
`);

export const RESERVATIONS = graphql(`
  query Reservations($orderId: ID!) {
    reservations(orderId: $orderId) {
      ...ReservationFields
    }
  }
`);

/** The order 360 side of it: reservations joined onto the order by the gateway. */
export const ORDER_RESERVATIONS = graphql(`
  query OrderReservations($id: ID!) {
    order(id: $id) {
      id
      placedAt
      reservations {
        ...ReservationFields
      }
    }
  }
`);

export const RESERVATION_FIELDS = graphql(`
  fragment ReservationFields on Reservation {
    lineId
    sku
    quantity
    reserved
    backordered
    shipped
    status
    allocations {
      warehouse
      quantity
    }
  }
`);
