export { codedError, errorCode } from "./errors.ts";
export { DateTime } from "./scalars.ts";
export { buildSchema, loadTypeDefs, type Reference } from "./schema.ts";
