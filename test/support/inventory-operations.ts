// Inventory operations the end-to-end tests send through the gateway, with the shapes they return.
import { waitFor } from "@waybill/devtools";
import { execute } from "./graphql.ts";
import { CREATE_CUSTOMER, PLACE_ORDER, type PlaceOrderData } from "./operations.ts";

export type StockLevel = { warehouse: string; onHand: number; reserved: number; available: number };
export type Movement = {
  kind: string;
  warehouse: string;
  quantity: number;
  reference: string | null;
};
export type ProductStock = {
  onHand: number;
  reserved: number;
  available: number;
  backordered: number;
  stock: StockLevel[];
  movements: Movement[];
};
export type Reservation = {
  lineId: string;
  sku: string;
  quantity: number;
  reserved: number;
  backordered: number;
  shipped: number;
  status: string;
  allocations: { warehouse: string; quantity: number }[];
};

export const PRODUCT_STOCK = /* GraphQL */ `
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
        kind
        warehouse
        quantity
        reference
      }
    }
  }
`;

const RESERVATION_FIELDS = /* GraphQL */ `
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
`;

export const RESERVATIONS = /* GraphQL */ `
  query Reservations($orderId: ID!) {
    reservations(orderId: $orderId) { ${RESERVATION_FIELDS} }
  }
`;

/** The order 360 side of it: reservations joined onto the order by the gateway. */
export const ORDER_RESERVATIONS = /* GraphQL */ `
  query OrderReservations($id: ID!) {
    order(id: $id) {
      id
      placedAt
      reservations { ${RESERVATION_FIELDS} }
    }
  }
`;
export type OrderReservations = {
  order: { id: string; placedAt: string; reservations: Reservation[] } | null;
};

const STOCK_EXCEPTION_FIELDS = /* GraphQL */ `
  id
  kind
  status
  sku
  warehouse
  expected
  counted
  variance
`;
export type StockException = {
  __typename: "StockException";
  id: string;
  kind: string;
  status: string;
  sku: string;
  warehouse: string;
  expected: number;
  counted: number | null;
  variance: number;
};

export const ADJUST_STOCK = /* GraphQL */ `
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      __typename
      ... on Product { onHand }
      ... on StockException { ${STOCK_EXCEPTION_FIELDS} }
      ... on UserError { code message }
      ... on InvalidStockInputError { field }
    }
  }
`;

export const RESOLVE_STOCK_EXCEPTION = /* GraphQL */ `
  mutation Resolve($id: ID!, $accept: Boolean!, $comment: String) {
    resolveStockException(id: $id, accept: $accept, comment: $comment) {
      __typename
      ... on StockException { ${STOCK_EXCEPTION_FIELDS} }
      ... on UserError { code message }
    }
  }
`;

export const STOCK_EXCEPTIONS = /* GraphQL */ `
  query StockExceptions($status: StockExceptionStatus) {
    stockExceptions(status: $status) { ${STOCK_EXCEPTION_FIELDS} }
  }
`;

export const RECEIVE_STOCK = /* GraphQL */ `
  mutation Receive($input: ReceiveStockInput!) {
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
`;

export async function productStock(gateway: string, sku: string): Promise<ProductStock> {
  const { product } = await execute<{ product: ProductStock | null }>(gateway, PRODUCT_STOCK, {
    sku,
  });
  if (!product) throw new Error(`no product ${sku}`);
  return product;
}

export async function reservationsOf(gateway: string, orderId: string): Promise<Reservation[]> {
  const data = await execute<{ reservations: Reservation[] }>(gateway, RESERVATIONS, { orderId });
  return data.reservations;
}

/** A product with stock received per warehouse. */
export async function stockedProduct(
  gateway: string,
  sku: string,
  stock: Record<string, number>,
): Promise<void> {
  await execute(
    gateway,
    "mutation($sku: String!) { createProduct(input: { sku: $sku, name: $sku }) { __typename } }",
    { sku },
  );
  for (const [warehouse, quantity] of Object.entries(stock)) {
    await execute(gateway, RECEIVE_STOCK, { input: { sku, warehouse, quantity } });
  }
}

export async function createCustomer(gateway: string): Promise<string> {
  const email = `c${Math.random().toString(36).slice(2)}@example.com`;
  const { createCustomer } = await execute<{ createCustomer: { id: string } }>(
    gateway,
    CREATE_CUSTOMER,
    { input: { name: "Stock Test Customer", email, billingPolicy: "ON_SHIPMENT" } },
  );
  return createCustomer.id;
}

/**
 * Places an order, asking again while orders has not yet learned the SKUs from inventory's
 * `inventory.product.created` (an unknown SKU is refused and writes nothing, so retrying is safe).
 */
export async function placeWhenSkusKnown(
  gateway: string,
  customerId: string,
  lines: { sku: string; quantity: number }[],
): Promise<{ orderId: string; lineIds: string[] }> {
  const input = {
    customerId,
    channel: "web",
    currency: "EUR",
    lines: lines.map((line) => ({ ...line, unitPrice: "10.00", taxRate: "20" })),
  };
  const placed = await waitFor(
    async () => {
      const { placeOrder } = await execute<PlaceOrderData>(gateway, PLACE_ORDER, { input });
      if (placeOrder.__typename === "Order") return placeOrder;
      const unknownSku =
        placeOrder.__typename === "UnknownSkuError" ||
        ("field" in placeOrder && /sku/i.test(placeOrder.field ?? ""));
      if (unknownSku) return undefined;
      throw new Error(`order refused: ${JSON.stringify(placeOrder)}`);
    },
    { description: "orders to accept the SKUs", timeoutMs: 30_000, intervalMs: 100 },
  );
  if (!("id" in placed)) throw new Error("order without id");
  return { orderId: placed.id, lineIds: placed.lines.map((line) => line.id) };
}

// The orders service's cancellations, which release reservations.
export const CANCEL_ORDER = /* GraphQL */ `
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
    }
  }
`;

export const CANCEL_ORDER_LINE = /* GraphQL */ `
  mutation CancelOrderLine($input: CancelOrderLineInput!) {
    cancelOrderLine(input: $input) {
      __typename
    }
  }
`;
