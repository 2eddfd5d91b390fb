import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Network = [Address, number];

/** Cloud metadata services, refused whatever range they sit in. */
const METADATA = ["169.254.169.254", "fd00:ec2::254"].map((text) => ipaddr.parse(text).toString());

/**
 * What `address` is, when it is not a public unicast address: its range as ipaddr.js names it
 * (private, loopback, linkLocal, uniqueLocal, carrierGradeNat, ...) or "metadata"; null when it
 * is public. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function blockedRange(text: string): string | null {
  if (!ipaddr.isValid(text)) return "invalid";
  const address = ipaddr.process(text);
  if (METADATA.includes(address.toString())) return "metadata";
  const range = address.range();
  return range === "unicast" ? null : range;
}

/** Parses a comma-separated list of CIDRs (`127.0.0.0/8,::1/128`); throws naming `variable`. */
export function parseNetworks(text: string, variable: string): Network[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((cidr) => {
      try {
        return ipaddr.parseCIDR(cidr);
      } catch {
        throw new Error(`${variable}: ${cidr} is not a CIDR such as 127.0.0.0/8`);
      }
    });
}

/** Why a webhook may not reach an address or URL. */
export class ForbiddenTargetError extends Error {
  override name = "ForbiddenTargetError";
}

/** Guards every address a webhook reaches: public unicast, or inside a configured network. */
export interface TargetGuard {
  /** Throws `ForbiddenTargetError` when `address` may not be reached. */
  checkAddress(address: string): void;
  /** Checks a URL: its scheme, and every address its host resolves to now. */
  checkUrl(url: string): Promise<URL>;
  /** A `lookup` for sockets that refuses forbidden addresses at connect time (DNS rebinding). */
  lookup: typeof dnsLookup;
}

export type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) =>
  dnsLookup(hostname, options, callback);

const resolveAll = (resolver: Resolver, hostname: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    resolver(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** The guard for `allowed` networks; `allowHttp` admits http URLs (tests), otherwise https only. */
export function targetGuard(options: {
  allowed: readonly Network[];
  allowHttp: boolean;
  resolver?: Resolver;
}): TargetGuard {
  const resolver = options.resolver ?? systemResolver;
  const checkAddress = (text: string) => {
    const range = blockedRange(text);
    if (range === null) return;
    const address = ipaddr.isValid(text) ? ipaddr.process(text) : undefined;
    const allowed =
      address !== undefined &&
      options.allowed.some(
        ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
      );
    if (!allowed) throw new ForbiddenTargetError(`${text} is a ${range} address`);
  };
  const lookup = ((
    hostname: string,
    lookupOptions: LookupOptions | number | ((...args: never[]) => void),
    maybeCallback?: (...args: unknown[]) => void,
  ) => {
    const callback = (typeof lookupOptions === "function" ? lookupOptions : maybeCallback) as (
      ...args: unknown[]
    ) => void;
    const wanted = typeof lookupOptions === "object" ? lookupOptions : {};
    resolver(hostname, { ...wanted, all: true }, (error, addresses) => {
      if (error) return callback(error);
      try {
        for (const { address } of addresses) checkAddress(address);
      } catch (refused) {
        return callback(refused);
      }
      const [first] = addresses;
      if (wanted.all) return callback(null, addresses);
      if (!first) return callback(new ForbiddenTargetError(`${hostname} resolves to nothing`));
      return callback(null, first.address, first.family);
    });
  }) as typeof dnsLookup;
  return {
    checkAddress,
    lookup,
    async checkUrl(text) {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw new ForbiddenTargetError(`${text} is not a URL`);
      }
      const schemes = options.allowHttp ? ["https:", "http:"] : ["https:"];
      if (!schemes.includes(url.protocol))
        throw new ForbiddenTargetError(`a webhook URL must use ${schemes.join(" or ")}`);
      if (url.username || url.password)
        throw new ForbiddenTargetError("a webhook URL may not carry credentials");
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (ipaddr.isValid(host)) {
        checkAddress(host);
        return url;
      }
      const addresses = await resolveAll(resolver, host).catch(() => {
        throw new ForbiddenTargetError(`${host} does not resolve`);
      });
      if (addresses.length === 0) throw new ForbiddenTargetError(`${host} resolves to nothing`);
      for (const { address } of addresses) checkAddress(address);
      return url;
    },
  };
}
