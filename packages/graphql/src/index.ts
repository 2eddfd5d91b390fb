export { codedError, errorCode } from "./errors.ts";
export { DateTime } from "./scalars.ts";
export { buildSchema, loadTypeDefs, type Reference } from "./schema.ts";
export { paged } from "./paged.ts";
export {
  compareKeys,
  connectionOf,
  keyOf,
  type ListOrder,
  type Page,
  type PageArgs,
  PAGE_SIZE,
  pageOf,
  pageOfArray,
} from "./pages.ts";
