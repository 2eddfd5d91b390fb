// Operations of the orders subgraph the orders end-to-end tests send through the gateway.
import { createHmac } from "node:crypto";
import { execute } from "./graphql.ts";
import { CREATE_PRODUCT } from "./operations.ts";

type UserError = { __typename: string; code: string; message: string };

const ORDER_RESULT = /* GraphQL */ `
  __typename
  ... on Order {
    id
    fulfilmentStatus
    cancelledAt
    lines {
      id
      cancelledQuantity
    }
  }
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
`;

export const CANCEL_ORDER = /* GraphQL */ `
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) { ${ORDER_RESULT} }
  }
`;
export const CANCEL_ORDER_LINE = /* GraphQL */ `
  mutation CancelOrderLine($input: CancelOrderLineInput!) {
    cancelOrderLine(input: $input) { ${ORDER_RESULT} }
  }
`;
export type CancelResult =
  | {
      __typename: "Order";
      id: string;
      fulfilmentStatus: string;
      cancelledAt: string | null;
      lines: { id: string; cancelledQuantity: number }[];
    }
  | (UserError & { lineId?: string | null; shippedQuantity?: number; field?: string });

const CASE_RESULT = /* GraphQL */ `
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
`;
export const ASSIGN_CASE = /* GraphQL */ `
  mutation Assign($caseId: ID!, $assignee: String!) {
    assignServiceCase(caseId: $caseId, assignee: $assignee) { ${CASE_RESULT} }
  }
`;
export const RESOLVE_CASE = /* GraphQL */ `
  mutation Resolve($caseId: ID!, $resolution: String!) {
    resolveServiceCase(caseId: $caseId, resolution: $resolution) { ${CASE_RESULT} }
  }
`;
export const COMMENT_CASE = /* GraphQL */ `
  mutation Comment($caseId: ID!, $author: String!, $body: String!) {
    commentOnServiceCase(caseId: $caseId, author: $author, body: $body) { ${CASE_RESULT} }
  }
`;
export type CaseResult = UserError & { id?: string; status?: string; assignee?: string | null };

export { RECORD_MILESTONE } from "./billing-operations.ts";

export const ORDER_SERVICE_VIEW = /* GraphQL */ `
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
      serviceCases {
        id
        kind
        status
        subject
        carrier
        trackingNumber
        resolvedAutomatically
        shipment {
          milestones {
            type
            reasonCode
          }
        }
      }
      timeline {
        kind
        reference
      }
    }
  }
`;
export type OrderServiceView = {
  order: {
    id: string;
    channel: string;
    externalReference: string | null;
    fulfilmentStatus: string;
    billingStatus: string;
    customer: { email: string; billingPolicy: string };
    lines: {
      id: string;
      sku: string;
      quantity: number;
      cancelledQuantity: number;
      shippedQuantity: number;
      deliveredQuantity: number;
      invoicedQuantity: number;
      unitPrice: { amount: string };
      taxRate: string;
    }[];
    shipments: {
      id: string;
      warehouse: string;
      carrier: string;
      trackingNumber: string;
      status: string;
      invoice: { number: string | null; status: string } | null;
    }[];
    serviceCases: {
      id: string;
      kind: string;
      status: string;
      subject: string;
      carrier: string;
      trackingNumber: string;
      resolvedAutomatically: boolean;
      shipment: { milestones: { type: string; reasonCode: string | null }[] } | null;
    }[];
    timeline: { kind: string; reference: string | null }[];
  } | null;
};

/** The order as a service agent sees it. */
export const serviceView = async (gateway: string, id: string) =>
  (await execute<OrderServiceView>(gateway, ORDER_SERVICE_VIEW, { id })).order;

/** Posts a Shopify `orders/create` webhook to the gateway, signed with `secret` as Shopify does. */
export async function postShopifyOrder(
  gateway: string,
  body: string,
  secret: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL("/webhooks/shopify/orders-create", gateway), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": "waybill-test.myshopify.com",
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Two products in AMS1; orders learn them through inventory's events. */
export async function createCatalog(gateway: string): Promise<void> {
  for (const [sku, name] of [
    ["MUG-1", "Mug"],
    ["TEE-M", "T-shirt M"],
  ] as const) {
    await execute(gateway, CREATE_PRODUCT, { sku, name, warehouse: "AMS1", quantity: 50 });
  }
}

/** 3 x MUG-1 and 2 x TEE-M. */
export const ORDER_LINES = [
  { sku: "MUG-1", quantity: 3, unitPrice: "19.99", taxRate: "20" },
  { sku: "TEE-M", quantity: 2, unitPrice: "12.50", taxRate: "7" },
];

/** A `confirmShipment` input shipping one unit of a line with DHL. */
export const oneUnitShipment = (
  orderId: string,
  lineId: string | undefined,
  trackingNumber: string,
) => ({
  orderId,
  warehouse: "AMS1",
  lines: [{ lineId, quantity: 1 }],
  carrier: "DHL",
  service: "Express",
  trackingNumber,
  shippedAt: new Date().toISOString(),
  shippingCharge: "4.95",
});

export const cancelOrder = async (gateway: string, input: Record<string, unknown>) =>
  (await execute<{ cancelOrder: CancelResult }>(gateway, CANCEL_ORDER, { input })).cancelOrder;

export const cancelOrderLine = async (gateway: string, input: Record<string, unknown>) =>
  (await execute<{ cancelOrderLine: CancelResult }>(gateway, CANCEL_ORDER_LINE, { input }))
    .cancelOrderLine;
