import { type Principal, requireScope, type Role, ROLES, type Scope, SCOPES } from "@waybill/auth";
import { codedError, paged } from "@waybill/graphql";
import { API_KEYS_NEWEST_FIRST, type ApiKeyRecord, type ApiKeyStore } from "../auth/api-keys.ts";

type Context = { principal?: Principal };

type CreateInput = {
  name: string;
  role: string;
  scopes?: string[] | null;
  customerId?: string | null;
  accounts?: string[] | null;
};

const view = (record: ApiKeyRecord) => ({
  id: record._id,
  name: record.name,
  role: record.role.toUpperCase(),
  scopes: record.scopes,
  customerId: record.customerId,
  accounts: record.accounts,
  createdAt: record.createdAt,
  createdBy: record.createdBy,
  revokedAt: record.revokedAt,
});

function roleOf(value: string): Role {
  const role = value.toLowerCase();
  if (!(ROLES as readonly string[]).includes(role))
    throw codedError("BAD_USER_INPUT", `unknown role ${value}`);
  return role as Role;
}

function scopesOf(values: string[] | null | undefined): Scope[] | undefined {
  if (!values) return undefined;
  const unknown = values.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
  if (unknown.length) throw codedError("BAD_USER_INPUT", `unknown scopes: ${unknown.join(", ")}`);
  if (!values.length) throw codedError("BAD_USER_INPUT", "a key needs at least one scope");
  return values as Scope[];
}

/** API key management for admins: list, create (the secret is returned once), revoke. */
export function apiKeyResolvers(apiKeys: ApiKeyStore) {
  const admin = (context: Context) => requireScope(context.principal, "api_keys:manage");
  return {
    Query: {
      async apiKeys(
        _: unknown,
        args: { first?: number | null; after?: string | null },
        context: Context,
      ) {
        admin(context);
        const page = await paged(args, API_KEYS_NEWEST_FIRST, (query) => apiKeys.page(query));
        return {
          ...page,
          edges: page.edges.map(({ cursor, node }) => ({ cursor, node: view(node) })),
        };
      },
    },
    Mutation: {
      async createApiKey(_: unknown, { input }: { input: CreateInput }, context: Context) {
        const caller = admin(context);
        if (!input.name.trim()) throw codedError("BAD_USER_INPUT", "a key needs a name");
        let created;
        try {
          created = await apiKeys.create({
            name: input.name.trim(),
            role: roleOf(input.role),
            scopes: scopesOf(input.scopes),
            customerId: input.customerId ?? undefined,
            accounts: input.accounts ?? undefined,
            createdBy: caller.subject,
          });
        } catch (error) {
          if (error instanceof Error && error.name === "ZodError")
            throw codedError("BAD_USER_INPUT", `invalid key: ${zodMessage(error)}`);
          throw error;
        }
        return { apiKey: view(created.record), secret: created.secret };
      },
      async revokeApiKey(_: unknown, { id }: { id: string }, context: Context) {
        admin(context);
        const record = await apiKeys.revoke(id);
        if (!record) throw codedError("NOT_FOUND", `no API key ${id}`);
        return view(record);
      },
    },
  };
}

function zodMessage(error: Error): string {
  const issues = (error as Error & { issues?: { message: string }[] }).issues ?? [];
  return issues.map((issue) => issue.message).join("; ") || error.message;
}
