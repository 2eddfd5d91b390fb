// The returns subgraph's documents.
import { graphql } from "./generated/gql.ts";

export const REQUEST_RETURN = graphql(`
  mutation RequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      __typename
      ... on Return {
        id
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

export const RETURN_FIELDS = graphql(`
  fragment ReturnFields on Return {
    id
    status
    reason
    warehouse
    requestedAt
    receivedAt
    cancelledAt
    cancellationReason
    closedAt
    creditNoteIds
    lines {
      lineId
      sku
      quantity
      received
      disposition
    }
  }
`);

/** What a refused change of a return says, whichever mutation refused it. */
export const RETURN_REFUSAL_FIELDS = graphql(`
  fragment ReturnRefusalFields on UserError {
    code
    message
    ... on InvalidReturnError {
      field
    }
    ... on InvalidReturnTransitionError {
      to
      return {
        status
      }
    }
    ... on ReturnNotFoundError {
      returnId
    }
  }
`);

export const RECEIVE_RETURN = graphql(`
  mutation ReceiveReturn($input: ReceiveReturnInput!) {
    receiveReturn(input: $input) {
      __typename
      ...ReturnFields
      ...ReturnRefusalFields
      ... on ReturnAlreadyReceivedError {
        return {
          status
        }
      }
      ... on QuantityExceedsShippedError {
        lineId
        shipped
        alreadyReturned
        requested
      }
    }
  }
`);

export const CANCEL_RETURN = graphql(`
  mutation CancelReturn($input: CancelReturnInput!) {
    cancelReturn(input: $input) {
      __typename
      ...ReturnFields
      ...ReturnRefusalFields
    }
  }
`);

export const RETURN_DETAIL = graphql(`
  query ReturnDetail($id: ID!) {
    return(id: $id) {
      ...ReturnFields
    }
  }
`);

export const RETURNS_TO_RECEIVE = graphql(`
  query ReturnsToReceive($first: Int, $after: String) {
    returnsToReceive(first: $first, after: $after) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
