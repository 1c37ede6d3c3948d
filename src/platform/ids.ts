/**
 * Time-ordered ids (UUID version 7, RFC 9562): rows inserted later sort later, which keeps
 * indexes compact and gives a stable order to events written within the same millisecond.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function newId(now = Date.now()): string {
  // Within one millisecond a 12-bit counter keeps ids increasing.
  if (now <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = randomBytes(16);
  const ms = BigInt(lastMs);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
