export * from "./api-keys.ts";
export * from "./authenticate.ts";
export * from "./config.ts";
export * from "./errors.ts";
export * from "./jwt.ts";
export * from "./revocations.ts";
