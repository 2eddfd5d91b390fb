export {
  accountsOf,
  canSeeCustomer,
  forbidden,
  listScope,
  readable,
  requireScope,
  requireStaff,
  visibleOnly,
} from "./authorize.ts";
export { gatewayOnly, requestPrincipal } from "./gateway-only.ts";
export {
  decodePrincipal,
  encodePrincipal,
  type Principal,
  principalOf,
  ROLE_SCOPES,
  type Role,
  ROLES,
  type Scope,
  SCOPES,
} from "./principal.ts";
export { INTERNAL_HEADERS, signRequest, verifyRequest } from "./signature.ts";
