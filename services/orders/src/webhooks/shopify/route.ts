import {
  firstHeader,
  HttpError,
  readBody,
  sendError,
  sendJson,
  type RequestHandler,
} from "@waybill/http";
import type { ServiceRuntime } from "@waybill/service";
import type { OrdersRooms } from "../../context.ts";
import type { ShopifyConfig } from "./config.ts";
import { ingestShopifyOrder } from "./ingest.ts";
import { mapShopifyOrder } from "./mapping.ts";
import { parseShopifyOrder } from "./payload.ts";
import { isValidShopifySignature } from "./signature.ts";

export const SHOPIFY_ORDERS_CREATE_PATH = "/webhooks/shopify/orders-create";
const MAX_BODY_BYTES = 1_048_576;

/**
 * POST /webhooks/shopify/orders-create: verifies the HMAC over the raw body, then places the order
 * once per Shopify order id. 201 created, 200 already known (same order id), 400 malformed,
 * 401 bad signature, 422 not acceptable (unknown SKU, ...), 503 when no secret is configured.
 */
export function shopifyOrdersCreate(
  runtime: ServiceRuntime,
  rooms: OrdersRooms,
  config: ShopifyConfig,
): RequestHandler {
  const handle = async (req: Parameters<RequestHandler>[0], secret: string) => {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!isValidShopifySignature(secret, body, firstHeader(req, "x-shopify-hmac-sha256")))
      throw new HttpError(
        401,
        "INVALID_SIGNATURE",
        "X-Shopify-Hmac-Sha256 does not match the body",
      );
    const topic = firstHeader(req, "x-shopify-topic");
    if (topic !== undefined && topic !== "orders/create")
      throw new HttpError(400, "WRONG_TOPIC", `this endpoint takes orders/create, not ${topic}`);
    const parsed = parseShopifyOrder(body);
    if ("problem" in parsed) throw new HttpError(400, "MALFORMED_ORDER", parsed.problem);
    const mapped = mapShopifyOrder(parsed.order);
    if ("problem" in mapped) throw new HttpError(422, "UNPROCESSABLE_ORDER", mapped.problem);
    const outcome = await ingestShopifyOrder(runtime, rooms, mapped);
    if (outcome.kind === "rejected")
      throw new HttpError(422, "UNPROCESSABLE_ORDER", outcome.reason);
    runtime.logger.info(
      { orderId: outcome.orderId, shopifyOrderId: mapped.reference, outcome: outcome.kind },
      "shopify order received",
    );
    return outcome;
  };
  return async (req, res) => {
    try {
      if (req.method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED", "use POST");
      if (!config.secret)
        throw new HttpError(
          503,
          "WEBHOOK_DISABLED",
          "SHOPIFY_WEBHOOK_SECRET is not set, so Shopify webhooks cannot be verified and are refused",
        );
      const outcome = await handle(req, config.secret);
      sendJson(res, outcome.kind === "created" ? 201 : 200, {
        orderId: outcome.orderId,
        created: outcome.kind === "created",
      });
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error);
      runtime.logger.error({ err: error }, "shopify webhook failed");
      sendError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
    }
  };
}
