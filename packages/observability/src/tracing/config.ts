import { z } from "zod";
import { readConfig } from "@waybill/config";

const EXPORTERS = ["otlp", "console", "none"] as const;
const SAMPLERS = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
] as const;

/** The standard OpenTelemetry variables Waybill reads (the OTLP exporter reads its own). */
const tracingEnv = {
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).optional(),
  OTEL_TRACES_EXPORTER: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const names = (value ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      const wrong = names.filter((name) => !(EXPORTERS as readonly string[]).includes(name));
      if (wrong.length) ctx.addIssue({ code: "custom", message: `use ${EXPORTERS.join(", ")}` });
      return names as (typeof EXPORTERS)[number][];
    }),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_TRACES_SAMPLER: z.enum(SAMPLERS).default("parentbased_always_on"),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().positive().default(5_000),
};

/** How traces are exported; `null` when tracing is off. */
export interface TracingConfig {
  exporters: ("otlp" | "console")[];
  sampler: (typeof SAMPLERS)[number];
  ratio: number;
  scheduleDelayMs: number;
}

/**
 * Tracing is off unless `OTEL_TRACES_EXPORTER` names an exporter or an OTLP endpoint is set
 * (then it exports over OTLP/HTTP); `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`
 * turn it off. Invalid values fail start-up with the variable's name.
 */
export function tracingConfig(env: NodeJS.ProcessEnv = process.env): TracingConfig | null {
  const config = readConfig(tracingEnv, env);
  if (config.OTEL_SDK_DISABLED === "true") return null;
  const endpoint = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const named = config.OTEL_TRACES_EXPORTER;
  const exporters = named.length ? named : endpoint ? (["otlp"] as const) : [];
  const active = exporters.filter((name) => name !== "none");
  if (active.length === 0) return null;
  return {
    exporters: active,
    sampler: config.OTEL_TRACES_SAMPLER,
    ratio: config.OTEL_TRACES_SAMPLER_ARG,
    scheduleDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
  };
}
