// A service agent in the console, in a real browser against the real hub: finds an order by its
// tracking number, watches a milestone arrive without reloading, and resolves the order's case.
import { waitFor } from "@waybill/devtools";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  openPage,
  overflowsSideways,
  PHONE,
  screenshot,
  seriousViolations,
  signIn,
} from "../support/browser/browser.ts";
import { createCatalog, ORDER_LINES, placeDemoOrder, serviceView } from "../support/orders.ts";
import { confirmWhenKnown, milestone } from "../support/shipments.ts";
import { useCredential } from "../support/graphql.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let browser: Browser;
let origin: string;
let order: { orderId: string; shipmentId: string; trackingNumber: string };

beforeAll(async () => {
  // Customers may send only trusted documents; the console's are among them.
  // A second gateway records milestones while the first, the console's, is down.
  system = await startTestSystem(
    { PERSISTED_DOCUMENTS_REQUIRED_FOR: "customer" },
    { moreGateways: 1 },
  );
  browser = await launchBrowser();
  origin = new URL(system.gatewayUrl).origin;
  const gateway = system.gatewayUrl;
  await createCatalog(gateway);
  const { orderId, lineIds } = await placeDemoOrder(gateway, ORDER_LINES);
  const trackingNumber = `JD01${Date.now()}`;
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines: [{ lineId: lineIds[0] ?? "", quantity: 3 }],
    carrier: "DHL",
    service: "Express",
    trackingNumber,
    shippedAt: new Date().toISOString(),
    shippingCharge: "4.95",
  });
  if (shipment.__typename !== "Shipment") throw new Error(JSON.stringify(shipment));
  await milestone(gateway, shipment.id, "EXCEPTION", new Date(), {
    location: "Utrecht",
    reasonCode: "ADDRESS_UNKNOWN",
  });
  await waitFor(
    async () =>
      (await serviceView(gateway, orderId))?.serviceCases.edges.some(
        ({ node }) => node.kind === "CARRIER_EXCEPTION",
      ),
    { description: "orders to open a case for the exception" },
  );
  order = { orderId, shipmentId: shipment.id, trackingNumber };
  useCredential(other().url, `Bearer ${await system.identities.token("admin")}`);
});

const other = () => {
  const gateway = system.moreGateways[0];
  if (!gateway) throw new Error("the test system has no second gateway");
  return gateway;
};

afterAll(async () => {
  await browser?.close();
  await system?.dispose();
});

async function agentPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await openPage(browser, { viewport, timezoneId: "Europe/Amsterdam" });
  await signIn(page, origin, await system.identities.token("agent", { subject: "agent.smith" }));
  await page.getByRole("heading", { name: "Find an order" }).waitFor();
  return page;
}

describe("the console for a service agent", () => {
  it("finds an order by tracking number, shows a milestone live and resolves the case", async () => {
    const page = await agentPage();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "search");

    // Typed as people type it: in lower case with a space; the carrier's number is upper case.
    const typed = `${order.trackingNumber.slice(0, 4).toLowerCase()} ${order.trackingNumber.slice(4)}`;
    await page.getByLabel("Order number, tracking number or customer id").fill(typed);
    await page.keyboard.press("Enter");
    const hit = page.getByRole("link", { name: order.orderId });
    await hit.waitFor();
    expect(await page.getByRole("table").textContent()).toContain(order.trackingNumber);
    expect(await seriousViolations(page)).toEqual([]);
    await hit.click();

    await page.getByRole("heading", { name: `Order ${order.orderId}` }).waitFor();
    const milestones = page.getByRole("list", { name: `Milestones of ${order.trackingNumber}` });
    await milestones.getByText("EXCEPTION").waitFor();
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await page.getByRole("heading", { name: /ADDRESS_UNKNOWN/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The carrier reports the parcel moving again; the page hears it without a reload.
    const loads: string[] = [];
    page.on("load", () => loads.push(page.url()));
    await milestone(system.gatewayUrl, order.shipmentId, "OUT_FOR_DELIVERY", new Date(), {
      location: "Amsterdam",
    });
    await milestones.getByText("OUT FOR DELIVERY").waitFor();
    expect(await milestones.textContent()).toContain("at Amsterdam");
    expect(loads).toEqual([]);
    await screenshot(page, "order-360");

    await page.getByRole("button", { name: "Assign to me" }).click();
    // The gateway names a token's subject after its kind of credential.
    await page.getByText("assigned to jwt:agent.smith").waitFor();
    await page
      .getByLabel("Resolution")
      .fill("Address corrected with the customer; redelivery booked");
    await page.getByRole("button", { name: "Resolve case" }).click();
    await page.getByText(/Resolved .*redelivery booked/).waitFor();
    const cases = (await serviceView(system.gatewayUrl, order.orderId))?.serviceCases.edges;
    expect(cases?.map(({ node }) => [node.kind, node.status])).toEqual([
      ["CARRIER_EXCEPTION", "RESOLVED"],
    ]);
    await page.context().close();
  });

  it("hears, after the socket dropped, what was recorded while it was down", async () => {
    const page = await agentPage();
    await page.goto(`${origin}/console/orders/${encodeURIComponent(order.orderId)}`);
    const milestones = page.getByRole("list", { name: `Milestones of ${order.trackingNumber}` });
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    // A milestone heard live gives the page its cursor.
    await milestone(system.gatewayUrl, order.shipmentId, "DELIVERY_ATTEMPTED", new Date(), {
      reasonCode: "NO_ONE_HOME",
    });
    await milestones.getByText("DELIVERY ATTEMPTED").waitFor();
    const loads: string[] = [];
    page.on("load", () => loads.push(page.url()));

    await system.gateway.kill();
    await page.getByRole("status").filter({ hasText: "Connecting" }).waitFor();
    await milestone(other().url, order.shipmentId, "DELIVERED", new Date(), {
      location: "Amsterdam",
    });
    await system.gateway.start();

    await milestones.getByText("DELIVERED", { exact: true }).waitFor({ timeout: 60_000 });
    expect(loads).toEqual([]);
    await page.context().close();
  });

  it("keeps the order 360 usable at a phone's width", async () => {
    const page = await agentPage(PHONE);
    await page.goto(`${origin}/console/orders/${encodeURIComponent(order.orderId)}`);
    await page.getByRole("heading", { name: `Order ${order.orderId}` }).waitFor();
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "order-360-phone");
    await page.context().close();
  });
});

describe("signing in to the console", () => {
  it("shows the gateway's refusal with its code, and lets a customer in with trusted documents only", async () => {
    const page = await openPage(browser);
    await signIn(page, origin, "wb_not-a-real-key");
    await page.getByRole("alert").filter({ hasText: "UNAUTHENTICATED" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sign-in");

    // The gateway holds customers to trusted documents: the console's own pass.
    const customer = await system.identities.token("customer", { customerId: "someone" });
    await signIn(page, origin, customer);
    await page.getByText("(customer)").waitFor();
    await page.context().close();
  });
});
