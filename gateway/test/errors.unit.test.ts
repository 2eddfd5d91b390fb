import { describe, expect, it } from "vitest";
import { maskErrorsInProduction, subgraphHttpError } from "../src/errors.ts";

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

  it("never show a subgraph's URL or raw answer, in either mode", () => {
    const leaked = {
      message: "400: Bad Request",
      extensions: {
        code: "BAD_USER_INPUT",
        response: { url: "http://10.0.3.7:4002/graphql", status: 400, body: "{...}" },
      },
    };
    for (const production of [true, false])
      expect(
        JSON.stringify(maskErrorsInProduction(production)(leaked)),
        String(production),
      ).not.toMatch(/10\.0\.3\.7|response/);
  });
});

describe("a subgraph's HTTP refusal", () => {
  it("keeps the subgraph's message and code, naming the variable, or the status's code", () => {
    const variable = subgraphHttpError(400, {
      errors: [
        {
          message: 'Variable "$input" got invalid value "yesterday" at "input.occurredAt"',
          extensions: { code: "BAD_USER_INPUT" },
        },
      ],
    });
    expect(variable.message).toContain('"$input"');
    expect(variable.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(
      subgraphHttpError(400, { errors: [{ message: "Int cannot represent 1.5" }] }).extensions,
    ).toEqual({ code: "BAD_USER_INPUT" });
    expect(subgraphHttpError(403, "forbidden").extensions).toEqual({ code: "FORBIDDEN" });
  });

  it("says nothing of a failure inside", () => {
    const failed = subgraphHttpError(502, {
      errors: [{ message: "connect ECONNREFUSED 10.0.3.7" }],
    });
    expect(failed.message).toBe("Internal server error");
    expect(failed.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });
});
