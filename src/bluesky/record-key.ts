import { createHash } from 'node:crypto';

const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
/** How far before the delivery's creation a key's timestamp may fall: spreads keys made in the same millisecond. */
const spreadMicros = 60_000_000n;

/** Encodes a 64-bit value as a TID: 13 base32-sortable characters, the top bit always zero. */
function encodeTid(value: bigint): string {
  let out = '';
  for (let shift = 60n; shift >= 0n; shift -= 5n) out += alphabet[Number((value >> shift) & 31n)];
  return out;
}

export function isValidTid(value: string): boolean {
  return /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(value);
}

/**
 * The record key of the `index`-th post of a delivery: a valid TID that the same delivery always
 * gets, so that a retry after a crash meets the record it already wrote instead of writing another.
 * Its timestamp lies within a minute before the delivery was queued (TIDs are read as times), and
 * the rest of it comes from a hash of the delivery, the post and `salt` (raised on a collision).
 */
export function recordKeyFor(deliveryId: string, createdAt: string, index: number, salt = 0): string {
  const digest = createHash('sha256').update(`${deliveryId}|${index}|${salt}`).digest();
  const micros = BigInt(Date.parse(createdAt)) * 1000n - (digest.readBigUInt64BE(0) % spreadMicros);
  const clockId = BigInt(digest.readUInt16BE(8) & 0x3ff);
  const timestamp = micros & ((1n << 53n) - 1n);
  return encodeTid((timestamp << 10n) | clockId);
}
