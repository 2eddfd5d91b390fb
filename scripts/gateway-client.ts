// Calls the running gateway as an admin, for the command-line scripts (`seed`, `reconcile`).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";

/** An admin credential: WAYBILL_API_KEY, or the key `npm start` made for this data directory. */
function adminKey(): string {
  if (process.env.WAYBILL_API_KEY) return process.env.WAYBILL_API_KEY;
  const file = join(process.env.WAYBILL_DATA_DIR ?? ".waybill", "secrets", "admin-api-key");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`no admin API key: set WAYBILL_API_KEY or start Waybill once (${file})`);
  }
}

let credential: string | undefined;

/** Runs one GraphQL operation; errors in the answer are thrown. */
export async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  credential ??= adminKey();
  const response = await fetch(gateway, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query, variables }),
  }).catch(() => {
    throw new Error(`no gateway at ${gateway}: start Waybill with \`npm start\` first`);
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(body.errors?.map((error) => error.message).join("; ") ?? "no data");
  return body.data;
}
