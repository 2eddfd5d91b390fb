// The shipments subgraph's documents: confirmations, one or a wave, and carrier milestones.
import { graphql } from "./generated/gql.ts";

export const CONFIRM_SHIPMENT = graphql(`
  mutation ConfirmShipment($input: ConfirmShipmentInput!) {
    confirmShipment(input: $input) {
      __typename
      ... on Shipment {
        id
        status
      }
      ... on UserError {
        code
        message
      }
      ... on QuantityExceedsOrderedError {
        ordered
        alreadyShipped
        requested
      }
    }
  }
`);

/** A wave of shipments in one transaction; one result per input, in order. */
export const CONFIRM_SHIPMENTS = graphql(`
  mutation ConfirmShipments($inputs: [ConfirmShipmentInput!]!) {
    confirmShipments(inputs: $inputs) {
      __typename
      ... on Shipment {
        id
        order {
          id
        }
      }
      ... on UserError {
        code
      }
      ... on QuantityExceedsOrderedError {
        alreadyShipped
        requested
      }
    }
  }
`);

/** A carrier milestone, by shipment id or by carrier and tracking number. */
export const RECORD_MILESTONE = graphql(`
  mutation RecordMilestone($input: RecordMilestoneInput!) {
    recordMilestone(input: $input) {
      __typename
      ... on Shipment {
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
      }
      ... on ParkedMilestone {
        id
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

/** Milestones as they are recorded, from a cursor on, of one shipment or of all the caller may see. */
export const SHIPMENT_MILESTONES = graphql(`
  subscription ShipmentMilestones($after: String, $shipmentId: ID) {
    shipmentMilestones(after: $after, shipmentId: $shipmentId) {
      cursor
      shipmentId
      orderId
      type
      status
      late
    }
  }
`);

/** A shipment's milestones with what carriers told of each: signer, reason, place. */
export const SHIPMENT_CARRIER_MILESTONES = graphql(`
  query ShipmentCarrierMilestones($id: ID!) {
    shipment(id: $id) {
      id
      status
      milestones {
        edges {
          node {
            type
            occurredAt
            signedBy
            reasonCode
            location
          }
        }
      }
      proofOfDelivery {
        signedBy
      }
    }
  }
`);
