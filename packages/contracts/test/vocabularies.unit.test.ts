import { readdirSync, readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../src/events.ts";
import {
  BILLING_POLICIES,
  CARRIER_CHARGE_TYPES,
  EVENT_SOURCES,
  HOLD_REASONS,
  INVOICE_STATUSES,
  MILESTONE_TYPES,
  RETURN_DISPOSITIONS,
  RETURN_STATUSES,
  SHIPMENT_STATUSES,
  SHIPPING_REFUND_RULES,
  STOCK_MOVEMENT_KINDS,
} from "../src/vocabularies.ts";

/** SDL enums that mirror a vocabulary of the contracts, by enum name. */
const MIRRORS: Record<string, readonly string[]> = {
  MilestoneType: MILESTONE_TYPES,
  ShipmentStatus: SHIPMENT_STATUSES,
  BillingPolicy: BILLING_POLICIES,
  HoldReason: HOLD_REASONS,
  InvoiceStatus: INVOICE_STATUSES,
  StockMovementKind: STOCK_MOVEMENT_KINDS,
  ShippingRefundRule: SHIPPING_REFUND_RULES,
  ReturnStatus: RETURN_STATUSES,
  ReturnDisposition: RETURN_DISPOSITIONS,
  CarrierChargeType: CARRIER_CHARGE_TYPES,
};

type SdlEnum = { name: string; values: string[]; file: string };

const services = new URL("../../../services/", import.meta.url);

/** Every enum declared in a service's SDL (`services/<name>/src/schema/*.graphql`). */
function sdlEnums(): SdlEnum[] {
  const enums: SdlEnum[] = [];
  for (const service of readdirSync(services)) {
    const folder = new URL(`${service}/src/schema/`, services);
    let files: string[];
    try {
      files = readdirSync(folder).filter((file) => file.endsWith(".graphql"));
    } catch {
      continue;
    }
    for (const file of files) {
      const document = parse(readFileSync(new URL(file, folder), "utf8"));
      for (const definition of document.definitions) {
        if (
          definition.kind !== Kind.ENUM_TYPE_DEFINITION &&
          definition.kind !== Kind.ENUM_TYPE_EXTENSION
        )
          continue;
        enums.push({
          name: definition.name.value,
          values: (definition.values ?? []).map((value) => value.name.value),
          file: `services/${service}/src/schema/${file}`,
        });
      }
    }
  }
  return enums;
}

const declared = sdlEnums();

/** What an SDL enum lacks of a vocabulary, and what it has beyond it. */
const difference = (values: readonly string[], vocabulary: readonly string[]) => ({
  missing: vocabulary.filter((value) => !values.includes(value)),
  extra: values.filter((value) => !vocabulary.includes(value)),
});

describe("shared vocabularies", () => {
  it.each(Object.entries(MIRRORS))("%s is declared in some service's SDL", (name) => {
    expect(declared.filter((sdl) => sdl.name === name).map((sdl) => sdl.file)).not.toEqual([]);
  });

  it.each(Object.entries(MIRRORS))(
    "every SDL enum %s has exactly the contract's values",
    (name, vocabulary) => {
      for (const sdl of declared.filter((candidate) => candidate.name === name)) {
        expect.soft(difference(sdl.values, vocabulary), `${name} in ${sdl.file}`).toEqual({
          missing: [],
          extra: [],
        });
      }
    },
  );

  it("has every enum that more than one service declares in the contracts", () => {
    const byName = Map.groupBy(declared, (sdl) => sdl.name);
    const shared = [...byName]
      .filter(([, sdls]) => new Set(sdls.map((sdl) => sdl.file.split("/")[1])).size > 1)
      .map(([name]) => name);
    expect(shared.filter((name) => !(name in MIRRORS))).toEqual([]);
  });

  it("names every event type <service>.<entity>.<verb_past> after a service's stream", () => {
    for (const type of EVENT_TYPES) {
      expect(type).toMatch(/^[a-z]+\.[a-z]+(_[a-z]+)*\.[a-z]+$/);
      expect(EVENT_SOURCES, type).toContain(type.split(".")[0]);
    }
  });
});
