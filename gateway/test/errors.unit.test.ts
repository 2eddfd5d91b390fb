import { describe, expect, it } from "vitest";
import { maskErrorsInProduction } from "../src/errors.ts";

const internal = {
  message: "connect ECONNREFUSED 10.0.3.7:4004 (billing)",
  extensions: { code: "INTERNAL_SERVER_ERROR", serviceName: "billing", stacktrace: ["at x"] },
};
const forbidden = {
  message: "not permitted",
  path: ["invoice"],
  extensions: { code: "FORBIDDEN", serviceName: "billing" },
};

describe("error details", () => {
  it("are hidden in production: internal errors say nothing, coded ones keep only their code", () => {
    const mask = maskErrorsInProduction(true);
    expect(mask(internal)).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(mask({ message: "boom" })).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(mask(forbidden)).toEqual({
      message: "not permitted",
      path: ["invoice"],
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("are kept in development", () => {
    expect(maskErrorsInProduction(false)(internal)).toEqual(internal);
  });
});
