import { z } from "zod";

/** Who may use Waybill, from the most to the least restricted. */
export const ROLES = [
  "customer",
  "partner",
  "carrier",
  "warehouse",
  "agent",
  "finance",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

/** What a principal may do; every resolver that reads or writes data names one. */
export const SCOPES = [
  "catalog:read",
  "orders:read",
  "orders:write",
  "customers:write",
  "shipments:read",
  "shipments:write",
  "milestones:write",
  "inventory:read",
  "inventory:write",
  "invoices:read",
  "invoices:write",
  "returns:read",
  "returns:write",
  "returns:receive",
  "cases:read",
  "cases:write",
  "operations",
  "reconciliation",
  "api_keys:manage",
  "webhooks:manage",
] as const;
export type Scope = (typeof SCOPES)[number];

const READ_ALL: Scope[] = [
  "catalog:read",
  "orders:read",
  "shipments:read",
  "invoices:read",
  "returns:read",
  "cases:read",
  "inventory:read",
];

/** The scopes each role has; an API key or a token may narrow them, never widen them. */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  customer: [
    "catalog:read",
    "orders:read",
    "orders:write",
    "shipments:read",
    "invoices:read",
    "returns:read",
    "returns:write",
  ],
  partner: [
    "catalog:read",
    "orders:read",
    "shipments:read",
    "invoices:read",
    "returns:read",
    "webhooks:manage",
  ],
  carrier: ["milestones:write"],
  warehouse: [
    "catalog:read",
    "orders:read",
    "shipments:read",
    "shipments:write",
    "milestones:write",
    "inventory:read",
    "inventory:write",
    "returns:read",
    "returns:receive",
  ],
  agent: [...READ_ALL, "cases:write", "orders:write", "customers:write", "returns:write"],
  finance: [...READ_ALL, "invoices:write", "reconciliation"],
  admin: SCOPES,
};

/**
 * An authenticated caller as the gateway verified it. `customerId` binds a customer to its own
 * account; `accounts` binds a partner to the customer accounts it is linked to.
 */
export type Principal = {
  subject: string;
  role: Role;
  scopes: readonly Scope[];
  customerId?: string;
  accounts?: readonly string[];
};

export const principalSchema = z
  .object({
    subject: z.string().min(1),
    role: z.enum(ROLES),
    scopes: z.array(z.enum(SCOPES)),
    customerId: z.string().min(1).optional(),
    accounts: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((principal, ctx) => {
    if (principal.role === "customer" && !principal.customerId)
      ctx.addIssue({ code: "custom", message: "a customer principal needs a customerId" });
    if (principal.role === "partner" && !principal.accounts?.length)
      ctx.addIssue({ code: "custom", message: "a partner principal needs linked accounts" });
    const allowed = new Set<Scope>(ROLE_SCOPES[principal.role]);
    const extra = principal.scopes.filter((scope) => !allowed.has(scope));
    if (extra.length)
      ctx.addIssue({
        code: "custom",
        message: `role ${principal.role} cannot hold ${extra.join(", ")}`,
      });
  });

/**
 * The principal of a role, with its scopes narrowed to `requested` when given (scopes the role
 * does not have are refused, not ignored).
 */
export function principalOf(input: {
  subject: string;
  role: Role;
  scopes?: readonly Scope[] | undefined;
  customerId?: string | undefined;
  accounts?: readonly string[] | undefined;
}): Principal {
  return principalSchema.parse({
    subject: input.subject,
    role: input.role,
    scopes: [...(input.scopes ?? ROLE_SCOPES[input.role])],
    ...(input.customerId ? { customerId: input.customerId } : {}),
    ...(input.accounts?.length ? { accounts: [...input.accounts] } : {}),
  });
}

/** The header value that carries a principal from the gateway to a subgraph (base64url JSON). */
export function encodePrincipal(principal: Principal): string {
  return Buffer.from(JSON.stringify(principal), "utf8").toString("base64url");
}

/** Reads a principal header; undefined when it is not a valid principal. */
export function decodePrincipal(value: string): Principal | undefined {
  try {
    const parsed = principalSchema.safeParse(
      JSON.parse(Buffer.from(value, "base64url").toString("utf8")),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
