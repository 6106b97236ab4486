#!/usr/bin/env node
/**
 * Draws the add-in's ribbon/store icons (a green sheet with a grid and a
 * check mark) as PNGs at 16/32/64/80/128 px, using only node's zlib.
 * Run: node assets/make-icons.js   (outputs assets/icon-<size>.png)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels → PNG bytes (colour type 6, 8 bits, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b, a]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
  };
  const green = [33, 115, 70, 255];
  const white = [255, 255, 255, 255];
  const light = [200, 230, 210, 255];
  const m = Math.max(1, Math.round(size / 16)); // margin
  const r = Math.max(1, Math.round(size / 8)); // corner radius
  for (let y = m; y < size - m; y++) {
    for (let x = m; x < size - m; x++) {
      // Rounded corners: skip pixels outside the corner circles.
      const cx = x < m + r ? m + r : x > size - m - r - 1 ? size - m - r - 1 : x;
      const cy = y < m + r ? m + r : y > size - m - r - 1 ? size - m - r - 1 : y;
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
      set(x, y, green);
    }
  }
  // A 3×3 grid of light cells in the upper-left two-thirds.
  const inner = size - 2 * m;
  const line = Math.max(1, Math.round(size / 32));
  for (let k = 1; k <= 2; k++) {
    const p = m + Math.round((inner * k) / 3);
    for (let t = 0; t < line; t++) {
      for (let q = m + r; q < size - m - r; q++) {
        set(p + t, q, light);
        set(q, p + t, light);
      }
    }
  }
  // A white check mark across the middle.
  const w = Math.max(1, Math.round(size / 10));
  const a = [size * 0.25, size * 0.52];
  const b = [size * 0.43, size * 0.7];
  const c = [size * 0.77, size * 0.3];
  const stroke = (p, q) => {
    const steps = size * 2;
    for (let s = 0; s <= steps; s++) {
      const x = p[0] + ((q[0] - p[0]) * s) / steps;
      const y = p[1] + ((q[1] - p[1]) * s) / steps;
      for (let dx = -w / 2; dx < w / 2; dx++) for (let dy = -w / 2; dy < w / 2; dy++) set(Math.round(x + dx), Math.round(y + dy), white);
    }
  };
  stroke(a, b);
  stroke(b, c);
  return encodePng(size, px);
}

if (require.main === module) {
  for (const s of SIZES) fs.writeFileSync(path.join(__dirname, `icon-${s}.png`), draw(s));
  console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
}

module.exports = { SIZES, draw };
