// Operations for the billing-policy scenarios: milestones, invoices with holds, finance release.
import { execute } from "./graphql.ts";
import { confirmWhenKnown, placeDemoOrder } from "./operations.ts";

export const RECORD_MILESTONE = /* GraphQL */ `
  mutation RecordMilestone($input: RecordMilestoneInput!) {
    recordMilestone(input: $input) {
      __typename
      ... on Shipment {
        id
        status
        milestones {
          type
          late
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
`;

export const ORDER_BILLING = /* GraphQL */ `
  query OrderBilling($id: ID!) {
    order(id: $id) {
      fulfilmentStatus
      billingStatus
      shipments {
        id
        status
        milestones {
          type
          late
        }
        proofOfDelivery {
          signedBy
        }
      }
      invoices {
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
`;

export type Invoice = {
  id: string;
  number: string | null;
  status: string;
  touchless: boolean;
  policy: string;
  shipment: { id: string };
  lines: { lineId: string; quantity: number }[];
  holds: { reason: string; releasedBy: string | null; releasedAt: string | null }[];
};

export type OrderBilling = {
  order: {
    fulfilmentStatus: string;
    billingStatus: string;
    shipments: {
      id: string;
      status: string;
      milestones: { type: string; late: boolean }[];
      proofOfDelivery: { signedBy: string | null } | null;
    }[];
    invoices: Invoice[];
  };
};

export const RELEASE_INVOICE = /* GraphQL */ `
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
`;

export const orderBilling = async (gateway: string, id: string) =>
  (await execute<OrderBilling>(gateway, ORDER_BILLING, { id })).order;

export async function milestone(
  gateway: string,
  shipmentId: string,
  type: string,
  occurredAt: Date,
  extra: Record<string, unknown> = {},
) {
  const { recordMilestone } = await execute<{ recordMilestone: { __typename: string } }>(
    gateway,
    RECORD_MILESTONE,
    {
      input: { shipmentId, type, occurredAt: occurredAt.toISOString(), ...extra },
    },
  );
  return recordMilestone;
}

/** An order of 3 + 2 units shipped in two parts: 2 of line 1, then 1 of line 1 and 2 of line 2. */
export async function twoShipmentOrder(gateway: string, policy: string) {
  const order = await placeDemoOrder(
    gateway,
    [
      { sku: "MUG-1", quantity: 3, unitPrice: "10.00", taxRate: "20" },
      { sku: "TEE-M", quantity: 2, unitPrice: "15.00", taxRate: "20" },
    ],
    policy,
  );
  const [line1 = "", line2 = ""] = order.lineIds;
  const ship = async (lines: { lineId: string; quantity: number }[], tracking: string) => {
    const shipment = await confirmWhenKnown(gateway, {
      orderId: order.orderId,
      warehouse: "AMS1",
      lines,
      carrier: "UPS",
      service: "Standard",
      trackingNumber: tracking,
      shippedAt: new Date().toISOString(),
      shippingCharge: "4.00",
    });
    if (shipment.__typename !== "Shipment" || !("id" in shipment))
      throw new Error(`not shipped: ${JSON.stringify(shipment)}`);
    return shipment.id;
  };
  const first = await ship([{ lineId: line1, quantity: 2 }], `1ZA${order.orderId.slice(-8)}`);
  const second = await ship(
    [
      { lineId: line1, quantity: 1 },
      { lineId: line2, quantity: 2 },
    ],
    `1ZB${order.orderId.slice(-8)}`,
  );
  return { ...order, line1, line2, shipments: [first, second] as const };
}
