export * from "./nats.ts";
export * from "./store.ts";
export * from "./wait.ts";
export * from "./metrics.ts";
export * from "./principals.ts";
export * from "./nats-server.ts";
export * from "./bus-events.ts";
export * from "./bus-harness.ts";
