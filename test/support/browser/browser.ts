// A real browser for the console's suites: Debian's chromium driven by playwright-core.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

/** `.ci/run` installs Debian's chromium here when it is missing; CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where the README's screenshots live; written only when WAYBILL_SCREENSHOTS=1. */
const SCREENSHOTS = resolve(import.meta.dirname, "../../../docs/console");

/** A headless chromium; the sandbox needs user namespaces, which CI's root containers lack. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

/**
 * A page in a context of its own (axe needs a context it may open pages in); closing the page's
 * context closes it.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** A phone's viewport (an iPhone 14's CSS pixels), for pages that must work at that width. */
export const PHONE = { width: 390, height: 844 };

/**
 * The accessibility problems axe finds on the page that it rates serious or critical, each as
 * "rule: the first offending element", so a failing assertion says what to fix.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ") ?? "?"}`);
}

/** Whether the page scrolls sideways: at a phone's width nothing may stick out. */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** Saves a screenshot for the README when asked to (WAYBILL_SCREENSHOTS=1). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.WAYBILL_SCREENSHOTS !== "1") return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in to the console at `origin` with an API key or a token. */
export async function signIn(page: Page, origin: string, credential: string): Promise<void> {
  await page.goto(`${origin}/console/sign-in`);
  await page.getByLabel("API key or token").fill(credential);
  await page.getByRole("button", { name: "Sign in" }).click();
}
