export * from "./authorize.ts";
export * from "./principal.ts";
export * from "./signature.ts";
export * from "./gateway-only.ts";
