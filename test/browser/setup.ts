// The browser suites' global set-up: the gateway they start serves the console from its build.
import { buildConsole } from "../../scripts/console.ts";

export default async function setup(): Promise<void> {
  await buildConsole();
}
