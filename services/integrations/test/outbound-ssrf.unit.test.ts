import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import {
  blockedRange,
  ForbiddenTargetError,
  parseNetworks,
  type Resolver,
  targetGuard,
} from "../src/outbound/ssrf.ts";

/** DNS as a table, for names that must resolve to given addresses. */
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  (hostname, _options, callback) => {
    const addresses = table[hostname];
    if (!addresses)
      return callback(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }), []);
    callback(
      null,
      addresses.map((address): LookupAddress => ({
        address,
        family: address.includes(":") ? 6 : 4,
      })),
    );
  };

describe("address classification", () => {
  it.each([
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["169.254.1.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["0.0.0.0", "unspecified"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["224.0.0.1", "multicast"],
  ])("refuses %s (%s)", (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("lets %s through", (address) => {
    expect(blockedRange(address)).toBeNull();
  });
});

describe("the target guard", () => {
  const guard = (allowed = "", table: Record<string, string[]> = {}) =>
    targetGuard({
      allowed: parseNetworks(allowed, "X"),
      allowHttp: false,
      resolver: resolverOf(table),
    });

  it("refuses private, loopback and metadata URLs, literal or by name", async () => {
    const g = guard("", {
      "internal.example": ["10.1.2.3"],
      localhost: ["127.0.0.1"],
      "mixed.example": ["93.184.216.34", "192.168.0.1"],
    });
    for (const url of [
      "https://10.0.0.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[fd00:ec2::254]/",
      "https://[::1]/",
      "https://127.1/",
      "https://internal.example/hook",
      "https://localhost/hook",
      "https://mixed.example/hook",
    ])
      await expect(g.checkUrl(url), url).rejects.toBeInstanceOf(ForbiddenTargetError);
  });

  it("accepts public https URLs, and http only when configured", async () => {
    const table = { "hooks.example": ["93.184.216.34"] };
    await expect(guard("", table).checkUrl("https://hooks.example/in")).resolves.toBeInstanceOf(
      URL,
    );
    await expect(guard("", table).checkUrl("http://hooks.example/in")).rejects.toThrow(/https/);
    const lax = targetGuard({ allowed: [], allowHttp: true, resolver: resolverOf(table) });
    await expect(lax.checkUrl("http://hooks.example/in")).resolves.toBeInstanceOf(URL);
    await expect(guard("", table).checkUrl("https://nowhere.example/")).rejects.toThrow(
      /does not resolve/,
    );
    await expect(guard("", table).checkUrl("https://u:p@hooks.example/")).rejects.toThrow(
      /credentials/,
    );
  });

  it("lets the allow-list through, and only it", async () => {
    const g = guard("127.0.0.0/8,10.9.0.0/16", { localhost: ["127.0.0.1"] });
    await expect(g.checkUrl("https://localhost/hook")).resolves.toBeInstanceOf(URL);
    await expect(g.checkUrl("https://10.9.1.1/hook")).resolves.toBeInstanceOf(URL);
    await expect(g.checkUrl("https://10.8.1.1/hook")).rejects.toBeInstanceOf(ForbiddenTargetError);
    await expect(g.checkUrl("https://169.254.169.254/")).rejects.toBeInstanceOf(
      ForbiddenTargetError,
    );
  });

  it("refuses at connect time what a name resolves to then", async () => {
    const g = guard("", { "rebind.example": ["127.0.0.1"] });
    const looked = await new Promise<unknown>((resolve) =>
      g.lookup("rebind.example", { all: true }, (error) => resolve(error)),
    );
    expect(looked).toBeInstanceOf(ForbiddenTargetError);
    const allowed = guard("127.0.0.0/8", { "rebind.example": ["127.0.0.1"] });
    const address = await new Promise<unknown>((resolve) =>
      allowed.lookup("rebind.example", {}, (error, found) => resolve(error ?? found)),
    );
    expect(address).toBe("127.0.0.1");
  });
});
