import type { ExceptionCategory } from "@waybill/bus";
import type { DespatchDocument, FinanceDocument, MilestoneDocument } from "./documents.ts";
import type { ServiceCaseDocument } from "./service-cases.ts";

/**
 * Why a delivery did not go through, as the framework acts on it:
 * - `unavailable`: the system did not answer, timed out or answered 5xx. Counts towards the
 *   breaker; tried again on the schedule (a lookup comes first, so nothing is created twice).
 * - `rate_limited`: 429; the connector waits `retryAfterSeconds` before sending anything.
 * - `parked`: retrying cannot help (an unmapped value, a document the system refuses): an
 *   exception of `category` is raised and the delivery waits for its retry.
 * - `later`: something of ours is not ready (the hub, or the original invoice not yet delivered).
 */
export type FailureKind = "unavailable" | "rate_limited" | "parked" | "later";

/** A failed delivery attempt, with what the framework needs to decide what comes next. */
export class ConnectorError extends Error {
  readonly kind: FailureKind;
  readonly retryAfterSeconds: number | undefined;
  readonly category: ExceptionCategory;

  constructor(
    kind: FailureKind,
    message: string,
    options: { retryAfterSeconds?: number; category?: ExceptionCategory } = {},
  ) {
    super(message);
    this.name = "ConnectorError";
    this.kind = kind;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.category = options.category ?? "conflict";
  }
}

/**
 * Thrown for a document the system does not take (a kind it has no use for, an order that is not
 * its own): the delivery is recorded as skipped with the reason, and the order's next one goes on.
 */
export class NotForThisSystem extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotForThisSystem";
  }
}

/** Values the mapping has no entry for: master data's to add; the document is parked, not sent. */
export function unmapped(values: readonly string[]): ConnectorError {
  return new ConnectorError("parked", `unmapped: ${values.join(", ")}`, {
    category: "missing_reference",
  });
}

/** What a connector is told about the document's relatives it has already delivered. */
export interface Delivered {
  /** The external id of the invoice a note refers to, once that invoice was delivered. */
  originalExternalId: string | null;
}

/**
 * One outside system. `deliver` sends one document and returns its external id; it looks the
 * document up by our reference first, so calling it again after a lost answer creates nothing
 * twice. It throws a ConnectorError when the document did not go through.
 */
export interface Connector {
  name: string;
  /** Requests in flight at once to this system. */
  concurrency: number;
  /** Connectors without it (a CRM) are not told of billing's documents. */
  deliver?(document: FinanceDocument, delivered: Delivered): Promise<string>;
  /**
   * Sends one confirmed shipment (an advance ship notice, a despatch confirmation) and returns its
   * external id, with the same lookup first. Connectors without it are not told of shipments.
   */
  despatch?(document: DespatchDocument): Promise<string>;
  /**
   * Sends one later milestone of a shipment it took as a despatch and returns its external id,
   * looked up first. It throws NotForThisSystem for a milestone the system has no status for.
   */
  milestone?(document: MilestoneDocument): Promise<string>;
  /**
   * Mirrors a service case as it is now (a CRM's case, its comments) and returns its external id;
   * called once per change of the case, in order. Connectors without it are not told of cases.
   */
  serviceCase?(serviceCase: ServiceCaseDocument): Promise<string>;
  /** Work of its own between delivery passes (reading a partner's acknowledgements). */
  poll?(): Promise<void>;
}
