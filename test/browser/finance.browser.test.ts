// Finance in the console, in a real browser against the real hub: releases a held invoice with a
// comment, and it is issued.
import { waitFor } from "@waybill/devtools";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  signIn,
} from "../support/browser/browser.ts";
import { execute } from "../support/graphql.ts";
import { createCatalog, ORDER_LINES, placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown, milestone } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let browser: Browser;
let orderId: string;

type Invoices = { invoices: { edges: { node: { id: string; status: string } }[] } };
const invoicesOf = async (id: string) =>
  (
    await execute<Invoices>(
      system.gatewayUrl,
      `query ($id: ID!) { invoices(orderId: $id) { edges { node { id status } } } }`,
      { id },
    )
  ).invoices.edges.map(({ node }) => node);

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launchBrowser();
  const gateway = system.gatewayUrl;
  await createCatalog(gateway);
  // Billed on delivery: a delivery short of what shipped holds the invoice before it is issued.
  const placed = await placeDemoOrder(gateway, ORDER_LINES, "ON_DELIVERY");
  orderId = placed.orderId;
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines: [{ lineId: placed.lineIds[0] ?? "", quantity: 3 }],
    carrier: "DHL",
    service: "Express",
    trackingNumber: `JD02${Date.now()}`,
    shippedAt: new Date().toISOString(),
    shippingCharge: "4.95",
  });
  if (shipment.__typename !== "Shipment") throw new Error(JSON.stringify(shipment));
  await milestone(gateway, shipment.id, "DELIVERED", new Date(), { deliveredQuantity: 2 });
  await waitFor(async () => (await invoicesOf(orderId))[0]?.status === "ON_HOLD", {
    description: "billing to hold the invoice",
  });
});

afterAll(async () => {
  await browser?.close();
  await system?.dispose();
});

describe("the console for finance", () => {
  it("releases a held invoice with a comment, and it is issued", async () => {
    const page = await openPage(browser, { timezoneId: "Europe/Amsterdam" });
    await signIn(page, new URL(system.gatewayUrl).origin, await system.identities.token("finance"));
    await page.getByRole("heading", { name: "Invoices on hold" }).waitFor();
    await page.getByRole("heading", { name: /quantity mismatch/ }).waitFor();
    const [invoice] = await invoicesOf(orderId);
    const comment = page.getByLabel(`Comment for releasing ${invoice?.id ?? "?"}`);
    await comment.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "held-invoices");

    await comment.fill("Carrier confirmed all three units arrived");
    await page.getByRole("button", { name: "Release" }).click();
    await page.getByRole("status").filter({ hasText: "ISSUED" }).waitFor();
    await page.getByText("No invoice is on hold.").waitFor();
    expect((await invoicesOf(orderId)).map(({ status }) => status)).toEqual(["ISSUED"]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
