import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { freePorts } from "../src/nats-server.ts";

describe("freePorts", () => {
  it("hands out distinct ports that are all free once it returns", async () => {
    // Asked one at a time, the OS repeats a port within ten rounds of twenty about one time in four.
    for (let round = 0; round < 10; round++) {
      const ports = await freePorts(20);
      expect(new Set(ports).size).toBe(20);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(ports[0], "127.0.0.1", resolve);
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
