import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import type { Role, Scope } from "@waybill/auth";

const ISSUER = "https://identity.waybill.test/";
const AUDIENCE = "waybill-gateway";

/**
 * A test identity provider: an ES256 key pair whose public half the gateway reads from a JWKS
 * file, and tokens signed with the private half for any role.
 */
export interface TestIdentities {
  /** Gateway settings that trust this provider. */
  env: NodeJS.ProcessEnv;
  /** A bearer token for the role (customers need `customerId`, partners `accounts`). */
  token(
    role: Role,
    claims?: { customerId?: string; accounts?: string[]; scopes?: Scope[]; subject?: string },
    options?: { expiresIn?: string; issuer?: string; audience?: string },
  ): Promise<string>;
  /** A token signed by a key the gateway does not trust. */
  forged(role: Role): Promise<string>;
}

async function keyPair() {
  return generateKeyPair("ES256", { extractable: true });
}

export async function testIdentities(): Promise<TestIdentities> {
  const trusted = await keyPair();
  const stranger = await keyPair();
  const folder = await mkdtemp(join(tmpdir(), "waybill-jwks-"));
  const file = join(folder, "jwks.json");
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: "test-1", alg: "ES256", use: "sig" };
  await writeFile(file, JSON.stringify({ keys: [jwk] }));
  const sign = (
    key: CryptoKey,
    role: Role,
    claims: { customerId?: string; accounts?: string[]; scopes?: Scope[]; subject?: string },
    options: { expiresIn?: string; issuer?: string; audience?: string },
  ) =>
    new SignJWT({
      role,
      ...(claims.customerId ? { customer_id: claims.customerId } : {}),
      ...(claims.accounts ? { accounts: claims.accounts } : {}),
      ...(claims.scopes ? { scope: claims.scopes.join(" ") } : {}),
    })
      .setProtectedHeader({ alg: "ES256", kid: "test-1" })
      .setSubject(claims.subject ?? `${role}-${claims.customerId ?? "staff"}`)
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "10m")
      .sign(key);
  return {
    env: { AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE, AUTH_JWT_JWKS_FILE: file },
    token: (role, claims = {}, options = {}) => sign(trusted.privateKey, role, claims, options),
    forged: (role) => sign(stranger.privateKey, role, {}, {}),
  };
}
