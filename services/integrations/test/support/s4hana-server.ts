import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An SAP S/4HANA Cloud system as its APIs are documented on SAP Business Accelerator Hub
 * (api.sap.com), for what the connector uses:
 *
 * - Outbound Delivery (A2X), API_OUTBOUND_DELIVERY_SRV;v=0002 (OData V2,
 *   /sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002): A_OutbDeliveryHeader and
 *   A_OutbDeliveryItem read with $filter/$select, answered `{"d": {"results": [...]}}` (a
 *   collection) or `{"d": {...}}` (one entity), each entity with `__metadata { id, uri, type,
 *   etag }` and a single entity's ETag also in the `ETag` header; PATCH of a header or an item
 *   (204 No Content) and the function import `POST /PostGoodsIssue?DeliveryDocument='...'`, both
 *   needing `If-Match` with the entity's current ETag (428 without it, 412 when it is stale).
 * - Billing Document (A2X), API_BILLING_DOCUMENT_SRV (OData V2): A_BillingDocument and
 *   A_BillingDocumentItem read with $filter.
 * - Billing Document (A2X), CE_BILLINGDOCUMENT_0001 (OData V4,
 *   /sap/opu/odata4/sap/api_billingdocument/srvd_a2x/sap/billingdocument/0001): the action
 *   `POST BillingDocument/SAP__self.CreateFromSDDocument` with `{"_Control": {...}, "_Reference":
 *   [{"SDDocument", "SDDocumentCategory", ...}]}`, answering `{"value": [{"BillingDocument"}]}`.
 * - CSRF protection of SAP Gateway: a GET with `x-csrf-token: Fetch` answers the token in the
 *   `x-csrf-token` header and sets the session cookies it is bound to; a modifying request without
 *   a valid token and its session's cookie gets 403 with `x-csrf-token: Required`.
 * - Communication users: basic authentication (401 with `WWW-Authenticate: Basic`), or OAuth 2.0
 *   client credentials (`POST /oauth/token`, `grant_type=client_credentials`, answering
 *   `{"access_token", "token_type", "expires_in"}`) then `Authorization: Bearer`.
 * - Errors in OData's shapes: V2 `{"error": {"code", "message": {"lang", "value"}, "innererror"}}`,
 *   V4 `{"error": {"code", "message", "details"}}`; 429 with Retry-After from the API gateway.
 *   Message codes and texts here are illustrative, not copies of S/4HANA's.
 *
 * It counts goods issues and billing documents, and fails in the ways a real system does.
 */
export interface TestS4hana {
  url: string;
  user: string;
  password: string;
  clientId: string;
  clientSecret: string;
  deliveries: Map<string, TestDelivery>;
  billingDocuments: BillingDoc[];
  /** Every goods issue posted, by delivery. */
  goodsIssues: string[];
  requests: { method: string; path: string; status: number }[];
  /** A sales order's delivery as S/4HANA's delivery due list would have created it. */
  addDelivery(delivery: {
    number: string;
    salesOrder: string;
    items: { material: string; quantity: number; plant?: string }[];
  }): TestDelivery;
  /** The next goods issue or billing document is made, then answered 500 (or too late). */
  failAfterEffect(operation: "goodsIssue" | "billing", mode: "5xx" | "timeout"): void;
  /** The next request is refused with 429 and this Retry-After (seconds). */
  rateLimitOnce(seconds: number): void;
  /** Every session ends (as after its idle time): tokens and cookies fetched so far stop working. */
  expireSessions(): void;
  /** Someone changes the entity just before the next item PATCH or goods issue: its If-Match is stale. */
  staleEtagOnce(operation: "item" | "goodsIssue"): void;
  close(): Promise<void>;
}

type Entity = Record<string, unknown>;
export type TestDelivery = { header: Entity; items: Entity[]; version: number };
export type BillingDoc = { header: Entity; items: Entity[] };

const OUTBOUND = "/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002";
const BILLING_V2 = "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV";
const BILLING_V4 = "/sap/opu/odata4/sap/api_billingdocument/srvd_a2x/sap/billingdocument/0001";
const SESSION_COOKIE = "SAP_SESSIONID_S4H_100";

const v2Error = (code: string, value: string) => ({
  error: {
    code,
    message: { lang: "en", value },
    innererror: { transactionid: randomUUID().replace(/-/g, "").toUpperCase(), errordetails: [] },
  },
});
const v4Error = (code: string, message: string) => ({ error: { code, message, details: [] } });

const etagOf = (version: number) =>
  `W/"datetimeoffset'2026-12-03T10%3A00%3A00.${String(version).padStart(7, "0")}Z'"`;

/** `Field eq 'value'` clauses joined by `and`, the filters the connector sends. */
function matches(entity: Entity, filter: string | null): boolean {
  if (!filter) return true;
  return filter.split(" and ").every((clause) => {
    const match = /^(\w+) eq '((?:[^']|'')*)'$/.exec(clause.trim());
    if (!match) throw new Error(`unsupported $filter ${clause}`);
    return String(entity[match[1] ?? ""]) === (match[2] ?? "").replace(/''/g, "'");
  });
}

function select(entity: Entity, fields: string | null): Entity {
  if (!fields) return entity;
  const wanted = fields.split(",");
  return Object.fromEntries(
    Object.entries(entity).filter(([key]) => key === "__metadata" || wanted.includes(key)),
  );
}

async function bodyOf(req: IncomingMessage): Promise<Entity> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Entity) : {};
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Starts the test system on a free loopback port. `slowMs`: how late a "timeout" answer comes. */
export async function startTestS4hana({ slowMs = 3_000 } = {}): Promise<TestS4hana> {
  let fault: { operation: "goodsIssue" | "billing"; mode: "5xx" | "timeout" } | null = null;
  let rateLimit: number | null = null;
  let stale: "item" | "goodsIssue" | null = null;
  let billingSequence = 90000000;
  const sessions = new Map<string, string>();
  const tokens = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const system = {
    user: "WAYBILL_COMM_USER",
    password: "Welcome-0001",
    clientId: "sb-waybill-client",
    clientSecret: "client-secret-0",
    deliveries: new Map<string, TestDelivery>(),
    billingDocuments: [] as BillingDoc[],
    goodsIssues: [] as string[],
    requests: [] as TestS4hana["requests"],
  };
  let base = "";

  function headerOf(delivery: TestDelivery): Entity {
    const number = String(delivery.header["DeliveryDocument"]);
    const uri = `${base}${OUTBOUND}/A_OutbDeliveryHeader('${number}')`;
    return {
      __metadata: {
        id: uri,
        uri,
        type: "API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryHeaderType",
        etag: etagOf(delivery.version),
      },
      ...delivery.header,
    };
  }
  function itemOf(delivery: TestDelivery, item: Entity): Entity {
    const uri = `${base}${OUTBOUND}/A_OutbDeliveryItem(DeliveryDocument='${String(item["DeliveryDocument"])}',DeliveryDocumentItem='${String(item["DeliveryDocumentItem"])}')`;
    return {
      __metadata: {
        id: uri,
        uri,
        type: "API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryItemType",
        etag: etagOf(Number(item["version"])),
      },
      ...Object.fromEntries(Object.entries(item).filter(([key]) => key !== "version")),
      DeliveryDocument: delivery.header["DeliveryDocument"],
    };
  }
  const allItems = () =>
    [...system.deliveries.values()].flatMap((delivery) =>
      delivery.items.map((item) => ({ delivery, item })),
    );
  const billedFrom = (delivery: string) =>
    system.billingDocuments.find(
      (doc) =>
        doc.header["BillingDocumentIsCancelled"] !== true &&
        doc.items.some((item) => item["ReferenceSDDocument"] === delivery),
    );

  function authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? "";
    if (header.startsWith("Bearer ")) return tokens.has(header.slice(7));
    return (
      header === `Basic ${Buffer.from(`${system.user}:${system.password}`).toString("base64")}`
    );
  }

  function csrfValid(req: IncomingMessage): boolean {
    const cookies = Object.fromEntries(
      (req.headers.cookie ?? "").split(";").map((part) => {
        const [name, ...value] = part.trim().split("=");
        return [name ?? "", value.join("=")];
      }),
    );
    const session = cookies[SESSION_COOKIE];
    return (
      session !== undefined &&
      sessions.get(session) === req.headers["x-csrf-token"] &&
      req.headers["x-csrf-token"] !== undefined
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://s4");
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? "GET";
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      system.requests.push({ method, path, status });
      if (body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
      }
      const text = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(status, {
        "content-type": typeof body === "string" ? "text/plain" : "application/json",
        ...headers,
      });
      res.end(text);
    };
    const later = (status: number, body: unknown) => {
      // Done and committed, but the answer comes too late for the caller.
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(status, body);
      }, slowMs);
      timers.add(timer);
    };

    if (method === "POST" && path === "/oauth/token") {
      const body = await new Promise<string>((resolve) => {
        let text = "";
        req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        req.on("end", () => resolve(text));
      });
      const client = `Basic ${Buffer.from(`${system.clientId}:${system.clientSecret}`).toString("base64")}`;
      if (req.headers.authorization !== client || !body.includes("grant_type=client_credentials"))
        return answer(401, { error: "invalid_client" });
      const token = randomUUID();
      tokens.add(token);
      return answer(200, { access_token: token, token_type: "bearer", expires_in: 3600 });
    }
    if (!authorized(req))
      return answer(401, "Logon failed", {
        "www-authenticate": 'Basic realm="SAP NetWeaver Application Server [S4H/100]"',
      });
    if (rateLimit !== null) {
      const seconds = rateLimit;
      rateLimit = null;
      return answer(429, v2Error("429", "Too many requests"), { "retry-after": String(seconds) });
    }

    if (method === "GET" && String(req.headers["x-csrf-token"]).toLowerCase() === "fetch") {
      const session = randomUUID();
      const token = randomUUID().replace(/-/g, "");
      sessions.set(session, token);
      res.setHeader("set-cookie", [
        `${SESSION_COOKIE}=${session}; path=/; secure; HttpOnly`,
        "sap-usercontext=sap-client=100; path=/",
      ]);
      res.setHeader("x-csrf-token", token);
    }
    if (method !== "GET" && !csrfValid(req))
      return answer(403, "CSRF token validation failed", { "x-csrf-token": "Required" });

    const v2One = (entity: Entity) =>
      answer(
        200,
        { d: select(entity, url.searchParams.get("$select")) },
        { etag: String((entity["__metadata"] as Entity)["etag"]) },
      );
    const v2Many = (entities: Entity[]) =>
      answer(200, {
        d: {
          results: entities
            .filter((entity) => matches(entity, url.searchParams.get("$filter")))
            .slice(0, Number(url.searchParams.get("$top") ?? 1000))
            .map((entity) => select(entity, url.searchParams.get("$select"))),
        },
      });
    const needsMatch = (current: string): boolean => {
      const ifMatch = req.headers["if-match"];
      if (!ifMatch) {
        answer(428, v2Error("/IWBEP/CM_MGW_RT/428", "Precondition required: send If-Match"));
        return false;
      }
      if (ifMatch !== "*" && ifMatch !== current) {
        answer(412, v2Error("/IWBEP/CM_MGW_RT/412", "Precondition failed: the entity changed"));
        return false;
      }
      return true;
    };

    // Service documents: the GET the CSRF token is fetched with.
    if (method === "GET" && (path === `${OUTBOUND}/` || path === `${BILLING_V2}/`))
      return answer(200, { d: { EntitySets: ["A_OutbDeliveryHeader", "A_OutbDeliveryItem"] } });
    if (method === "GET" && path === `${BILLING_V4}/`)
      return answer(200, {
        "@odata.context": "$metadata",
        value: [{ name: "BillingDocument", url: "BillingDocument" }],
      });

    if (path.startsWith(OUTBOUND)) {
      const rest = path.slice(OUTBOUND.length);
      if (method === "GET" && rest === "/A_OutbDeliveryHeader")
        return v2Many([...system.deliveries.values()].map(headerOf));
      if (method === "GET" && rest === "/A_OutbDeliveryItem")
        return v2Many(allItems().map(({ delivery, item }) => itemOf(delivery, item)));
      const header = /^\/A_OutbDeliveryHeader\('([^']+)'\)(\/to_DeliveryDocumentItem)?$/.exec(rest);
      const delivery = header ? system.deliveries.get(header[1] ?? "") : undefined;
      if (header && !delivery)
        return answer(404, v2Error("/IWBEP/CM_MGW_RT/404", `Resource not found`));
      if (header && delivery && header[2] && method === "GET")
        return v2Many(delivery.items.map((item) => itemOf(delivery, item)));
      if (header && delivery && method === "GET") return v2One(headerOf(delivery));
      if (header && delivery && method === "PATCH") {
        if (!needsMatch(etagOf(delivery.version))) return;
        const body = await bodyOf(req);
        if (delivery.header["OverallGoodsMovementStatus"] === "C")
          return answer(
            400,
            v2Error("VL/027", `Delivery ${String(header[1])} has been posted for goods issue`),
          );
        for (const key of Object.keys(body))
          if (!["DeliveryDocumentBySupplier", "BillOfLading"].includes(key))
            return answer(400, v2Error("/IWBEP/CM_MGW_RT/400", `Property ${key} is read-only`));
        // Both are Edm.String with MaxLength 35 in the service's metadata.
        for (const [key, value] of Object.entries(body))
          if (typeof value !== "string" || value.length > 35)
            return answer(
              400,
              v2Error("/IWBEP/CM_MGW_RT/400", `Value of ${key} exceeds its maximum length 35`),
            );
        Object.assign(delivery.header, body);
        delivery.version += 1;
        return answer(204, undefined);
      }
      const item =
        /^\/A_OutbDeliveryItem\(DeliveryDocument='([^']+)',DeliveryDocumentItem='([^']+)'\)$/.exec(
          rest,
        );
      if (item) {
        const owner = system.deliveries.get(item[1] ?? "");
        const found = owner?.items.find(
          (candidate) => candidate["DeliveryDocumentItem"] === item[2],
        );
        if (!owner || !found)
          return answer(404, v2Error("/IWBEP/CM_MGW_RT/404", "Resource not found"));
        if (method === "GET") return v2One(itemOf(owner, found));
        if (method === "PATCH") {
          if (stale === "item") {
            stale = null;
            found["version"] = Number(found["version"]) + 1;
          }
          if (!needsMatch(etagOf(Number(found["version"])))) return;
          const body = await bodyOf(req);
          if (owner.header["OverallGoodsMovementStatus"] === "C")
            return answer(400, v2Error("VL/027", "Delivery has been posted for goods issue"));
          const quantity = body["ActualDeliveryQuantity"];
          if (quantity !== undefined && (typeof quantity !== "string" || !DECIMAL.test(quantity)))
            return answer(
              400,
              v2Error("/IWBEP/CM_MGW_RT/400", "ActualDeliveryQuantity must be an Edm.Decimal"),
            );
          for (const key of ["ActualDeliveryQuantity", "DeliveryQuantityUnit", "StorageLocation"])
            if (body[key] !== undefined) found[key] = body[key];
          if (typeof quantity === "string")
            found["ActualDeliveryQuantity"] = Number(quantity).toFixed(3);
          found["version"] = Number(found["version"]) + 1;
          // The header's ETag is its last change, which an item's change moves too.
          owner.version += 1;
          return answer(204, undefined);
        }
      }
      if (method === "POST" && rest === "/PostGoodsIssue") {
        const number = /^'([^']+)'$/.exec(url.searchParams.get("DeliveryDocument") ?? "")?.[1];
        const target = system.deliveries.get(number ?? "");
        if (!target)
          return answer(404, v2Error("VL/001", `Delivery ${number ?? ""} does not exist`));
        if (stale === "goodsIssue") {
          stale = null;
          target.version += 1;
        }
        if (!needsMatch(etagOf(target.version))) return;
        if (target.header["OverallGoodsMovementStatus"] === "C")
          return answer(
            400,
            v2Error("VL/027", `Delivery ${number ?? ""} has already been posted for goods issue`),
          );
        const issued = target.items.filter((i) => Number(i["ActualDeliveryQuantity"]) > 0);
        if (issued.length === 0)
          return answer(
            400,
            v2Error("VL/275", `Delivery ${number ?? ""} has no quantity to issue`),
          );
        const unplaced = issued.find((i) => !i["StorageLocation"]);
        if (unplaced)
          return answer(
            400,
            v2Error(
              "VL/609",
              `Item ${String(unplaced["DeliveryDocumentItem"])} has no storage location`,
            ),
          );
        target.header["OverallGoodsMovementStatus"] = "C";
        target.header["ActualGoodsMovementDate"] = "/Date(1796284800000)/";
        target.version += 1;
        system.goodsIssues.push(number ?? "");
        const body = { d: headerOf(target) };
        if (fault?.operation === "goodsIssue") {
          const { mode } = fault;
          fault = null;
          if (mode === "5xx")
            return answer(500, v2Error("/IWBEP/CM_MGW_RT/500", "Internal server error"));
          return later(200, body);
        }
        return answer(200, body);
      }
    }

    if (method === "GET" && path.startsWith(BILLING_V2)) {
      const rest = path.slice(BILLING_V2.length);
      if (rest === "/A_BillingDocumentItem")
        return v2Many(system.billingDocuments.flatMap((doc) => doc.items));
      const one = /^\/A_BillingDocument\('([^']+)'\)$/.exec(rest);
      const doc = system.billingDocuments.find(
        (candidate) => candidate.header["BillingDocument"] === one?.[1],
      );
      if (one && doc) return v2One({ __metadata: { etag: etagOf(1) }, ...doc.header });
      if (one) return answer(404, v2Error("/IWBEP/CM_MGW_RT/404", "Resource not found"));
    }

    if (
      method === "POST" &&
      path === `${BILLING_V4}/BillingDocument/SAP__self.CreateFromSDDocument`
    ) {
      const body = await bodyOf(req);
      const control = (body["_Control"] ?? {}) as Entity;
      const references = Array.isArray(body["_Reference"]) ? (body["_Reference"] as Entity[]) : [];
      if (references.length === 0)
        return answer(400, v4Error("VF/001", "No reference documents given"));
      const created: Entity[] = [];
      for (const reference of references) {
        const number = String(reference["SDDocument"]);
        const delivery = system.deliveries.get(number);
        if (reference["SDDocumentCategory"] !== "J" || !delivery)
          return answer(400, v4Error("VF/015", `Document ${number} is not an outbound delivery`));
        if (delivery.header["OverallGoodsMovementStatus"] !== "C")
          return answer(
            400,
            v4Error("VF/079", `Delivery ${number}: goods issue has not been posted`),
          );
        if (billedFrom(number))
          return answer(400, v4Error("VF/016", `Document ${number} is not relevant for billing`));
        billingSequence += 1;
        const billingDocument = String(billingSequence);
        const header = {
          BillingDocument: billingDocument,
          BillingDocumentType:
            reference["BillingDocumentType"] ?? control["DefaultBillingDocumentType"],
          BillingDocumentDate:
            reference["BillingDocumentDate"] ?? control["DefaultBillingDocumentDate"],
          SalesOrganization: delivery.header["SalesOrganization"],
          BillingDocumentIsCancelled: false,
        };
        const items = delivery.items
          .filter((item) => Number(item["ActualDeliveryQuantity"]) > 0)
          .map((item, index) => ({
            BillingDocument: billingDocument,
            BillingDocumentItem: String((index + 1) * 10).padStart(6, "0"),
            Material: item["Material"],
            BillingQuantity: item["ActualDeliveryQuantity"],
            ReferenceSDDocument: number,
            ReferenceSDDocumentItem: item["DeliveryDocumentItem"],
            ReferenceSDDocumentCategory: "J",
            SalesDocument: item["ReferenceSDDocument"],
          }));
        system.billingDocuments.push({ header, items });
        created.push(header);
      }
      const reply = { "@odata.context": "$metadata#BillingDocument", value: created };
      if (fault?.operation === "billing") {
        const { mode } = fault;
        fault = null;
        if (mode === "5xx") return answer(500, v4Error("500", "Internal server error"));
        return later(200, reply);
      }
      return answer(200, reply);
    }
    answer(404, v2Error("/IWBEP/CM_MGW_RT/404", `No resource ${method} ${path}`));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(v2Error("/IWBEP/CM_MGW_RT/500", String(error))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return Object.assign(system, {
    url: base,
    addDelivery({ number, salesOrder, items }: Parameters<TestS4hana["addDelivery"]>[0]) {
      const delivery: TestDelivery = {
        version: 1,
        header: {
          DeliveryDocument: number,
          DeliveryDocumentBySupplier: "",
          BillOfLading: "",
          DeliveryDocumentType: "LF",
          SalesOrganization: "1710",
          ShippingPoint: "1710",
          SoldToParty: "17100001",
          OverallGoodsMovementStatus: "A",
          ActualGoodsMovementDate: null,
        },
        items: items.map((item, index) => ({
          DeliveryDocumentItem: String((index + 1) * 10).padStart(6, "0"),
          ReferenceSDDocument: salesOrder,
          ReferenceSDDocumentItem: String((index + 1) * 10).padStart(6, "0"),
          Material: item.material,
          Plant: item.plant ?? "1710",
          StorageLocation: "",
          DistributionChannel: "10",
          Division: "00",
          ActualDeliveryQuantity: item.quantity.toFixed(3),
          DeliveryQuantityUnit: "PC",
          version: 1,
        })),
      };
      system.deliveries.set(number, delivery);
      return delivery;
    },
    failAfterEffect(operation: "goodsIssue" | "billing", mode: "5xx" | "timeout") {
      fault = { operation, mode };
    },
    rateLimitOnce(seconds: number) {
      rateLimit = seconds;
    },
    expireSessions() {
      sessions.clear();
    },
    staleEtagOnce(operation: "item" | "goodsIssue") {
      stale = operation;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
