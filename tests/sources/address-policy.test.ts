import { describe, expect, it } from 'vitest';
import { describeBlockedAddress, ipLiteralOf } from '../../src/sources/fetch/address-policy.ts';

describe('describeBlockedAddress', () => {
  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450:4007:80f::200e'])(
    'lets the public address %s through',
    (address) => {
      expect(describeBlockedAddress(address)).toBeNull();
    },
  );

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.0.10', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['0.0.0.0', 'an unspecified address'],
    ['255.255.255.255', 'a broadcast address'],
    ['224.0.0.251', 'a multicast address'],
    ['240.0.0.1', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fc00::1', 'a private address'],
    ['fd00:ec2::254', 'a private address'],
    ['fe80::1', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['::ffff:a9fe:a9fe', 'a link-local address'],
    ['::7f00:1', 'an IPv4-compatible IPv6 address'],
    ['64:ff9b::7f00:1', 'a NAT64 address'],
    ['2002:7f00:1::1', 'a 6to4 address'],
    ['not-an-address', 'not a valid address'],
  ])('refuses %s as %s', (address, words) => {
    expect(describeBlockedAddress(address)).toBe(words);
  });
});

describe('ipLiteralOf', () => {
  it('recognises IPv4 and bracketed IPv6 hosts and leaves names alone', () => {
    expect(ipLiteralOf('127.0.0.1')).toBe('127.0.0.1');
    expect(ipLiteralOf('[::1]')).toBe('::1');
    expect(ipLiteralOf('feed.example')).toBeNull();
  });

  it('still recognises the IPv4 forms that use letters: hexadecimal and IPv4 inside IPv6', () => {
    expect(ipLiteralOf('0x7f.0.0.1')).toBe('0x7f.0.0.1');
    expect(ipLiteralOf('0x7f000001')).toBe('0x7f000001');
    expect(ipLiteralOf('[::ffff:127.0.0.1]')).toBe('::ffff:127.0.0.1');
    expect(ipLiteralOf('h12.farm-3.example')).toBeNull();
  });
});
