import { describe, expect, it } from "vitest";
import { ConfigError } from "@waybill/config";
import { tracingConfig } from "../src/tracing/config.ts";

describe("tracing configuration from the environment", () => {
  it("is off by default, and when told so", () => {
    expect(tracingConfig({})).toBeNull();
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: "none" })).toBeNull();
    const endpoint = "http://127.0.0.1:4318";
    expect(
      tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SDK_DISABLED: "true" }),
    ).toBeNull();
  });

  it("exports over OTLP when an endpoint is set, or to what OTEL_TRACES_EXPORTER names", () => {
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" })).toEqual({
      exporters: ["otlp"],
      sampler: "parentbased_always_on",
      ratio: 1,
      scheduleDelayMs: 5_000,
    });
    expect(
      tracingConfig({
        OTEL_TRACES_EXPORTER: "console,otlp",
        OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
        OTEL_TRACES_SAMPLER_ARG: "0.25",
        OTEL_BSP_SCHEDULE_DELAY: "200",
      }),
    ).toEqual({
      exporters: ["console", "otlp"],
      sampler: "parentbased_traceidratio",
      ratio: 0.25,
      scheduleDelayMs: 200,
    });
  });

  it("refuses invalid values, naming the variable", () => {
    expect(() => tracingConfig({ OTEL_TRACES_EXPORTER: "jaeger" })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() => tracingConfig({ OTEL_TRACES_SAMPLER_ARG: "2" })).toThrow(ConfigError);
    expect(() => tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "not a url" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
