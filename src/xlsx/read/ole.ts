/**
 * Tells apart the two kinds of OLE2 compound files a user may send instead of
 * an .xlsx: a legacy .xls (a "Workbook" or "Book" stream) and a
 * password-protected OOXML workbook (Office wraps it in OLE2 with
 * "EncryptionInfo" and "EncryptedPackage" streams). Only the directory is
 * walked, with every sector index bounds- and cycle-checked.
 */

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(b: Uint8Array): boolean {
  if (b.length < 8) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== OLE_MAGIC[i]) return false;
  return true;
}

export type OleKind = 'encrypted' | 'xls' | 'unknown';

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const i32 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);

/** Stream and storage names in the compound file's directory (bounded walk). */
export function oleDirectoryNames(b: Uint8Array): string[] {
  if (b.length < 512) return [];
  const shift = u16(b, 30);
  if (shift !== 9 && shift !== 12) return [];
  const ss = 1 << shift;
  const nSectors = Math.floor((b.length - 512) / ss);
  const sectorAt = (s: number) => 512 + s * ss;
  // FAT sector list: the first 109 are in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const nFat = i32(b, 44);
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++) fatSectors.push(i32(b, 76 + i * 4));
  let difat = i32(b, 68);
  let guard = 0;
  while (fatSectors.length < nFat && difat >= 0 && difat < nSectors && guard++ < nSectors) {
    const base = sectorAt(difat);
    for (let i = 0; i < ss / 4 - 1 && fatSectors.length < nFat; i++) fatSectors.push(i32(b, base + i * 4));
    difat = i32(b, base + ss - 4);
  }
  const perFat = ss / 4;
  const nextSector = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perFat)];
    if (fs === undefined || fs < 0 || fs >= nSectors) return -1;
    return i32(b, sectorAt(fs) + (s % perFat) * 4);
  };
  const names: string[] = [];
  let dir = i32(b, 48);
  const visited = new Set<number>();
  while (dir >= 0 && dir < nSectors && !visited.has(dir) && names.length < 10000) {
    visited.add(dir);
    const base = sectorAt(dir);
    for (let e = 0; e < ss / 128; e++) {
      const o = base + e * 128;
      const len = u16(b, o + 64);
      if (len < 2 || len > 64) continue;
      let name = '';
      for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(u16(b, o + i));
      names.push(name);
    }
    dir = nextSector(dir);
  }
  return names;
}

/** Searches for a UTF-16LE string; a fallback when the directory cannot be walked. */
function containsUtf16(b: Uint8Array, text: string, limit: number): boolean {
  const first = text.charCodeAt(0);
  const end = Math.min(b.length, limit) - text.length * 2;
  outer: for (let i = 0; i <= end; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (b[i + k * 2] !== text.charCodeAt(k) || b[i + k * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

export function classifyOle2(b: Uint8Array): OleKind {
  let names: string[] = [];
  try {
    names = oleDirectoryNames(b);
  } catch {
    names = [];
  }
  if (names.some((n) => n === 'EncryptionInfo' || n === 'EncryptedPackage')) return 'encrypted';
  if (names.some((n) => n === 'Workbook' || n === 'Book')) return 'xls';
  if (names.length === 0 && containsUtf16(b, 'EncryptionInfo', 4 * 1024 * 1024)) return 'encrypted';
  return 'unknown';
}
