import { ConfigError, readConfig } from "@waybill/config";
import { describe, expect, it } from "vitest";
import { limitsEnv } from "../src/limits/index.ts";

describe("limits configuration", () => {
  it("has defaults that allow no cross-origin call and require no persisted documents", () => {
    expect(readConfig(limitsEnv, {})).toEqual({
      QUERY_MAX_DEPTH: 10,
      QUERY_MAX_COST: 5000,
      QUERY_MAX_ROWS: 10_000,
      QUERY_MAX_ALIASES: 15,
      QUERY_MAX_TOKENS: 2000,
      QUERY_MAX_DIRECTIVES: 10,
      RATE_LIMIT_REQUESTS: 600,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      CORS_ALLOWED_ORIGINS: [],
      PERSISTED_DOCUMENTS_REQUIRED_FOR: [],
    });
  });

  it("reads comma-separated origins and roles, and 0 requests to turn rate limiting off", () => {
    const config = readConfig(limitsEnv, {
      CORS_ALLOWED_ORIGINS: "https://portal.example.com, http://localhost:5173",
      PERSISTED_DOCUMENTS_FILE: "schema/manifest.json",
      PERSISTED_DOCUMENTS_REQUIRED_FOR: "partner,carrier",
      RATE_LIMIT_REQUESTS: "0",
    });
    expect(config).toMatchObject({
      CORS_ALLOWED_ORIGINS: ["https://portal.example.com", "http://localhost:5173"],
      PERSISTED_DOCUMENTS_FILE: "schema/manifest.json",
      PERSISTED_DOCUMENTS_REQUIRED_FOR: ["partner", "carrier"],
      RATE_LIMIT_REQUESTS: 0,
    });
  });

  it.each([
    ["*", '"*" is not allowed'],
    ["https://portal.example.com/", "is not an origin"],
    ["portal.example.com", "is not an origin"],
  ])("refuses CORS_ALLOWED_ORIGINS=%s, naming the variable", (origins, reason) => {
    const read = () => readConfig(limitsEnv, { CORS_ALLOWED_ORIGINS: origins });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(new RegExp(`CORS_ALLOWED_ORIGINS: .*${reason}`));
  });

  it("refuses limits that are not positive whole numbers", () => {
    expect(() => readConfig(limitsEnv, { QUERY_MAX_DEPTH: "0" })).toThrow(/QUERY_MAX_DEPTH/);
    expect(() => readConfig(limitsEnv, { RATE_LIMIT_REQUESTS: "-1" })).toThrow(
      /RATE_LIMIT_REQUESTS/,
    );
  });

  it("refuses a rows limit below the largest page, which would refuse a legal page", () => {
    expect(() => readConfig(limitsEnv, { QUERY_MAX_ROWS: "199" })).toThrow(
      /QUERY_MAX_ROWS: .*at least the largest page, 200/,
    );
    expect(readConfig(limitsEnv, { QUERY_MAX_ROWS: "200" }).QUERY_MAX_ROWS).toBe(200);
  });
});
