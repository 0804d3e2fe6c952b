import type { ResolvedAddress } from '../../../src/sources/fetch/address-policy.ts';

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

/**
 * Host names of the fake DNS. `news.test` stands for a public site (it is served from
 * 127.0.0.1, so the fetcher is told to let it through); every other name resolves to an address
 * users' URLs must never reach. No name resolves to any other address: were a refusal to slip,
 * nothing outside 127.0.0.1 could be reached.
 */
export const privateDns: Record<string, readonly ResolvedAddress[]> = {
  'news.test': [v4('127.0.0.1')],
  'loopback.test': [v4('127.0.0.1')],
  'loopback6.test': [v6('::1')],
  'ten.test': [v4('10.20.30.40')],
  'one-seventy-two.test': [v4('172.31.255.254')],
  'one-ninety-two.test': [v4('192.168.0.1')],
  'metadata.test': [v4('169.254.169.254')],
  'mapped-loopback.test': [v6('::ffff:127.0.0.1')],
  'mapped-ten.test': [v6('::ffff:a14:1e28')],
  'mapped-metadata.test': [v6('::ffff:169.254.169.254')],
  'mapped-one-seventy-two.test': [v6('::ffff:172.20.1.1')],
  'mapped-one-ninety-two.test': [v6('::ffff:c0a8:101')],
  'unspecified.test': [v4('0.0.0.0')],
};

/**
 * Where a user's URL, or a redirect, may point and must be refused. The loopback ones point at the
 * test server's own port and path `/secret`, so a slip would show as a request there.
 */
export function privateTargets(port: number): Array<{ name: string; url: string }> {
  return [
    { name: 'loopback literal', url: `http://127.0.0.1:${port}/secret` },
    { name: 'loopback written as one number', url: `http://2130706433:${port}/secret` },
    { name: 'loopback written in hex', url: `http://0x7f.0.0.1:${port}/secret` },
    { name: 'loopback shortened', url: `http://127.1:${port}/secret` },
    { name: 'IPv6 loopback literal', url: `http://[::1]:${port}/secret` },
    { name: 'IPv4-mapped loopback literal', url: `http://[::ffff:127.0.0.1]:${port}/secret` },
    { name: 'unspecified address', url: `http://0.0.0.0:${port}/secret` },
    { name: '10/8 literal', url: 'http://10.0.0.1/secret' },
    { name: '172.16/12 literal', url: 'http://172.16.0.1/secret' },
    { name: '192.168/16 literal', url: 'http://192.168.1.1/secret' },
    { name: 'metadata literal', url: 'http://169.254.169.254/latest/meta-data/' },
    { name: 'IPv4-mapped 10/8 literal', url: 'http://[::ffff:10.0.0.1]/secret' },
    { name: 'IPv4-mapped metadata literal', url: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' },
    { name: 'IPv4-mapped 172.16/12 literal', url: 'http://[::ffff:172.16.0.1]/secret' },
    { name: 'IPv4-mapped 192.168/16 literal', url: 'http://[::ffff:192.168.1.1]/secret' },
    { name: 'NAT64 form of the metadata address', url: 'http://[64:ff9b::a9fe:a9fe]/latest/meta-data/' },
    { name: 'name resolving to loopback', url: `http://loopback.test:${port}/secret` },
    { name: 'name resolving to ::1', url: `http://loopback6.test:${port}/secret` },
    { name: 'name resolving to 10/8', url: 'http://ten.test/secret' },
    { name: 'name resolving to 172.16/12', url: 'http://one-seventy-two.test/secret' },
    { name: 'name resolving to 192.168/16', url: 'http://one-ninety-two.test/secret' },
    { name: 'name resolving to the metadata address', url: 'http://metadata.test/latest/meta-data/' },
    { name: 'name resolving to mapped loopback', url: `http://mapped-loopback.test:${port}/secret` },
    { name: 'name resolving to mapped 10/8', url: 'http://mapped-ten.test/secret' },
    { name: 'name resolving to mapped metadata', url: 'http://mapped-metadata.test/latest/meta-data/' },
    { name: 'name resolving to mapped 172.16/12', url: 'http://mapped-one-seventy-two.test/secret' },
    { name: 'name resolving to mapped 192.168/16', url: 'http://mapped-one-ninety-two.test/secret' },
    { name: 'name resolving to 0.0.0.0', url: `http://unspecified.test:${port}/secret` },
  ];
}
