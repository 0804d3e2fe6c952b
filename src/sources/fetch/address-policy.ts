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

/** Returns the IP address a URL host names directly, or null when the host is a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = stripBrackets(hostname);
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

/** Resolves a host and refuses it when any of its addresses is not public. */
export async function resolvePublicAddresses(
  hostname: string,
  resolve: HostResolver,
): Promise<readonly ResolvedAddress[]> {
  const addresses = await resolve(hostname);
  for (const { address } of addresses) {
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
