// The operations the end-to-end tests send through the gateway, with the shapes they return.
import { waitFor } from "@waybill/devtools";
import { execute } from "./graphql.ts";

type Money = { amount: string; currency: string };
type UserError = { __typename: string; code: string; message: string };

export const CREATE_CUSTOMER = /* GraphQL */ `
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      billingPolicy
    }
  }
`;

export const CREATE_PRODUCT = /* GraphQL */ `
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
`;
export type PlaceOrderData = {
  placeOrder:
    | { __typename: "Order"; id: string; lines: { id: string; sku: string; quantity: number }[] }
    | (UserError & { field?: string });
};

export const CONFIRM_SHIPMENT = /* GraphQL */ `
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
`;
export type ConfirmShipmentData = {
  confirmShipment:
    | { __typename: "Shipment"; id: string; status: string }
    | (UserError & { ordered?: number; alreadyShipped?: number; requested?: number });
};

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
export type Order360 = {
  order: {
    id: string;
    fulfilmentStatus: string;
    billingStatus: string;
    total: Money;
    customer: { id: string; name: string; billingPolicy: string };
    lines: {
      id: string;
      sku: string;
      quantity: number;
      shippedQuantity: number;
      invoicedQuantity: number;
      unitPrice: Money;
      product: {
        sku: string;
        name: string;
        onHand: number;
        available: number;
        stock: { warehouse: string; onHand: number; reserved: number; available: number }[];
      };
    }[];
    shipments: {
      id: string;
      status: string;
      carrier: string;
      trackingNumber: string;
      shippingCharge: Money;
      lines: { lineId: string; quantity: number }[];
      milestones: { type: string; occurredAt: string; late: boolean }[];
      invoice: { id: string; number: string | null; status: string } | null;
    }[];
    invoices: {
      id: string;
      number: string | null;
      status: string;
      lines: {
        lineId: string;
        quantity: number;
        netAmount: { amount: string };
        taxAmount: { amount: string };
      }[];
      shippingCharge: { amount: string };
      subtotal: { amount: string };
      taxTotal: { amount: string };
      total: Money;
      shipment: { id: string; trackingNumber: string };
    }[];
    returns: { id: string; status: string; lines: { lineId: string; quantity: number }[] }[];
    timeline: { kind: string; message: string; reference: string | null }[];
  } | null;
};

/** A customer and an order for it, placed through the gateway. */
export async function placeDemoOrder(
  gateway: string,
  lines: { sku: string; quantity: number; unitPrice: string; taxRate: string }[],
  billingPolicy = "ON_SHIPMENT",
): Promise<{ customerId: string; orderId: string; lineIds: string[] }> {
  const email = `c${Math.random().toString(36).slice(2)}@example.com`;
  const { createCustomer } = await execute<{ createCustomer: { id: string } }>(
    gateway,
    CREATE_CUSTOMER,
    {
      input: { name: "Test Customer", email, billingPolicy },
    },
  );
  // The orders service learns SKUs from inventory's events: retry while a new SKU is unknown there.
  const placeOrder = await waitFor(
    async () => {
      const { placeOrder: result } = await execute<PlaceOrderData>(gateway, PLACE_ORDER, {
        input: { customerId: createCustomer.id, channel: "web", currency: "EUR", lines },
      });
      return result.__typename === "UnknownSkuError" ? undefined : result;
    },
    { description: "orders to know the SKUs", timeoutMs: 30_000, intervalMs: 100 },
  );
  if (placeOrder.__typename !== "Order" || !("id" in placeOrder))
    throw new Error(`order refused: ${JSON.stringify(placeOrder)}`);
  return {
    customerId: createCustomer.id,
    orderId: placeOrder.id,
    lineIds: placeOrder.lines.map((line) => line.id),
  };
}

/**
 * Confirms a shipment, waiting while the shipments service has not yet heard of the order
 * (it learns orders from events). UNKNOWN_ORDER writes nothing, so asking again is safe.
 */
export async function confirmWhenKnown(
  gateway: string,
  input: Record<string, unknown>,
): Promise<ConfirmShipmentData["confirmShipment"]> {
  return waitFor(
    async () => {
      const { confirmShipment } = await execute<ConfirmShipmentData>(gateway, CONFIRM_SHIPMENT, {
        input,
      });
      return confirmShipment.__typename === "UnknownOrderError" ? undefined : confirmShipment;
    },
    { description: "shipments to know the order", timeoutMs: 30_000, intervalMs: 100 },
  );
}
