// Carrier charges and voided labels, through the gateway.
import { graphql } from "./generated/gql.ts";

export const RECORD_CARRIER_CHARGE = graphql(`
  mutation RecordCarrierCharge($input: RecordCarrierChargeInput!) {
    recordCarrierCharge(input: $input) {
      __typename
      ... on CarrierCharge {
        id
        carrierChargeId
        type
        amount {
          amount
          currency
        }
        shipment {
          id
          fulfilmentCost {
            amount
            currency
          }
        }
      }
      ... on UserError {
        code
        message
      }
      ... on InvalidCarrierChargeError {
        field
      }
    }
  }
`);

export const VOID_SHIPMENT = graphql(`
  mutation VoidShipment($input: VoidShipmentInput!) {
    voidShipment(input: $input) {
      __typename
      ... on Shipment {
        id
        status
        voidedAt
        voidReason
      }
      ... on UserError {
        code
        message
      }
      ... on ShipmentNotVoidableError {
        status
      }
      ... on InvalidShipmentError {
        field
      }
    }
  }
`);

/** A shipment's charges, cost and status, as finance or the warehouse reads them. */
export const SHIPMENT_CHARGES = graphql(`
  query ShipmentCharges($id: ID!) {
    shipment(id: $id) {
      id
      status
      fulfilmentCost {
        amount
        currency
      }
      charges {
        edges {
          node {
            id
            carrierChargeId
            type
            description
            amount {
              amount
            }
          }
        }
      }
    }
  }
`);
