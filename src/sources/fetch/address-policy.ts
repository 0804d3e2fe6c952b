import ipaddr from 'ipaddr.js';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has, like `dns.lookup(host, { all: true })`. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/**
 * Why an address may not be reached, in words ("a private address"), or null when it is an
 * ordinary public unicast address. IPv4-mapped IPv6 forms are judged as the IPv4 address they
 * carry, and anything ipaddr.js does not call 'unicast' is refused.
 */
export function describeBlockedAddress(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(stripBrackets(address));
  } catch {
    return 'not a valid address';
  }
  const range = parsed.range();
  if (range !== 'unicast') return RANGE_WORDS[range] ?? `a reserved address (${range})`;
  if (parsed.kind() === 'ipv6' && isIpv4Compatible(parsed as ipaddr.IPv6)) {
    return 'an IPv4-compatible IPv6 address';
  }
  return null;
}

/** Letters and signs of host names that no IPv4 form (decimal, octal, hex) writes. */
const nameOnly = /[g-wyzG-WYZ_-]/;

/** Returns the IP address a URL host names directly, or null when the host is a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = stripBrackets(hostname);
  // A name with a letter no address form uses ("news.example") is no address: asked at every
  // read, this spares ipaddr.js's parsers, which cost more than the rest of a 304.
  if (!bare.includes(':') && nameOnly.test(bare)) return null;
  return ipaddr.isValid(bare) ? bare : null;
}

/** Thrown by the connection lookup; the fetcher turns it into a SourceFetchError. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly why: string,
  ) {
    super(
      hostname === address
        ? `refused: ${address} is ${why}`
        : `refused: ${hostname} resolves to ${address}, ${why}`,
    );
  }
}

/**
 * Addresses and host names the operator lets users' URLs reach though they are not public
 * (`CLUBWATCH_ALLOWED_PRIVATE_HOSTS`): host names, single addresses and CIDR ranges.
 */
export interface AllowedHosts {
  /** True when this host name (or address literal) is let through whatever it resolves to. */
  hasHost(hostname: string): boolean;
  /** True when this address is one the operator allowed, alone or in a range. */
  hasAddress(address: string): boolean;
}

export function allowedHosts(entries: readonly string[]): AllowedHosts {
  const names = new Set<string>();
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const raw of entries) {
    const entry = stripBrackets(raw.trim().toLowerCase());
    if (entry === '') continue;
    if (entry.includes('/')) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else names.add(entry);
  }
  const hasAddress = (address: string): boolean => {
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.process(stripBrackets(address));
    } catch {
      return false;
    }
    return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
  };
  return {
    hasHost: (hostname) => {
      const host = stripBrackets(hostname.toLowerCase());
      return names.has(host) || (ipaddr.isValid(host) && hasAddress(host));
    },
    hasAddress,
  };
}

/** True when every entry is a host name, an address or a CIDR range; else the first one that is not. */
export function invalidAllowedHost(entries: readonly string[]): string | null {
  for (const raw of entries) {
    const entry = stripBrackets(raw.trim().toLowerCase());
    if (entry.includes('/')) {
      try {
        ipaddr.parseCIDR(entry);
        continue;
      } catch {
        return raw;
      }
    }
    if (ipaddr.isValid(entry)) continue;
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry)) return raw;
  }
  return null;
}

/** Resolves a host and refuses it when any of its addresses is not public (nor allowed by the operator). */
export async function resolvePublicAddresses(
  hostname: string,
  resolve: HostResolver,
  allowed?: AllowedHosts,
): Promise<readonly ResolvedAddress[]> {
  const addresses = await resolve(hostname);
  for (const { address } of addresses) {
    if (allowed?.hasAddress(address)) continue;
    const why = describeBlockedAddress(address);
    if (why !== null) throw new BlockedAddressError(hostname, address, why);
  }
  return addresses;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `::a.b.c.d` (first 96 bits zero): deprecated, and a way to smuggle IPv4 past range checks. */
function isIpv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((part) => part === 0);
}

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a private address',
  reserved: 'a reserved address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a NAT64 address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
};
