/**
 * Sheet-protection password hashing, done once per run.
 *
 * Excel stores a protected sheet's password as an iterated SHA-512 hash
 * (ISO/IEC 29500 "agile" form): H0 = SHA512(salt + UTF-16LE(password)), then
 * spinCount times Hn = SHA512(Hn-1 + LE32(n)). ExcelJS' own protect() redoes
 * this with 100,000 spins for every sheet (~0.4 s each); the generator instead
 * computes the attributes here once and hands them to every workbook.
 */

import { createHash, randomBytes } from 'crypto';
import type { ProtectionHash } from '../xlsx/write/options';

export function hashSheetPassword(password: string, spinCount = 100000): ProtectionHash {
  const salt = randomBytes(16);
  let h = createHash('sha512').update(salt).update(Buffer.from(password, 'utf16le')).digest();
  const counter = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    counter.writeUInt32LE(i, 0);
    h = createHash('sha512').update(h).update(counter).digest();
  }
  return { algorithmName: 'SHA-512', hashValue: h.toString('base64'), saltValue: salt.toString('base64'), spinCount };
}
