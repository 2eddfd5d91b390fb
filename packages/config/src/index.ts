export { ConfigError, readConfig } from "./config.ts";
export { secretFromEnv } from "./secrets.ts";
export { startOrExit } from "./start.ts";
export { mongodbUrl } from "./mongodb.ts";
