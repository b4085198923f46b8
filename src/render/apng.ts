/**
 * Animated PNG (APNG), lossless, from the incremental frames (frames.ts). Written here rather than with
 * an APNG library: upng-js took 12 s for the 36-frame landmark animation, finding each frame's changed
 * rectangle by comparing whole frames and trying five filters per frame; the regions are known already.
 * Each frame after the first covers the bounding box of its changed regions, pixels outside them fully
 * transparent and blended over the previous frame (blend_op OVER), so they compress to almost nothing.
 * Chunks as in the APNG specification: IHDR, acTL (loops forever), then per frame fcTL and IDAT (first
 * frame) or fdAT, IEND. Deflate by Node's zlib at a fixed level, so output is byte-identical.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Scene } from '../layout/index.js';
import { frameRasters, paste, type FrameRasters, type PixelRect } from './frames.js';
import { frameDelays, type GifOptions } from './gif.js';

export type ApngOptions = GifOptions;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const u32s = (...xs: number[]) => {
  const b = Buffer.alloc(4 * xs.length);
  xs.forEach((x, i) => b.writeUInt32BE(x, 4 * i));
  return b;
};

/** RGBA rows, each after a filter byte (1, Sub: each byte less the one a pixel to its left), deflated. */
function compress(rgba: Uint8Array, w: number, h: number): Buffer {
  const row = w * 4;
  const raw = Buffer.alloc((row + 1) * h);
  for (let y = 0; y < h; y++) {
    const o = y * (row + 1), s = y * row;
    raw[o] = 1;
    for (let x = 0; x < row; x++) raw[o + 1 + x] = (rgba[s + x] - (x >= 4 ? rgba[s + x - 4] : 0)) & 0xff;
  }
  return deflateSync(raw, { level: 6 });
}

function fcTL(seq: number, r: PixelRect, delay: number, blend: 0 | 1): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt32BE(seq, 0);
  [r.w, r.h, r.x, r.y].forEach((v, i) => b.writeUInt32BE(v, 4 + 4 * i));
  b.writeUInt16BE(Math.min(65535, delay), 20);
  b.writeUInt16BE(1000, 22); // delay in ms
  b[24] = 0; // dispose_op NONE: the next frame draws over this one
  b[25] = blend; // 0 SOURCE (the first frame), 1 OVER (transparent pixels keep the previous frame)
  return chunk('fcTL', b);
}

function bounds(ps: readonly PixelRect[]): PixelRect {
  const x = Math.min(...ps.map((p) => p.x)), y = Math.min(...ps.map((p) => p.y));
  return { x, y, w: Math.max(...ps.map((p) => p.x + p.w)) - x, h: Math.max(...ps.map((p) => p.y + p.h)) - y };
}

export function scenesToApng(scenes: readonly Scene[], o: ApngOptions = {}): Uint8Array {
  return rastersToApng(frameRasters(scenes, { width: o.width ?? 1024, icons: o.icons }), o);
}

export function rastersToApng(r: FrameRasters, o: Pick<ApngOptions, 'fps' | 'hold'> = {}): Uint8Array {
  const delays = frameDelays(r.patches.length, o);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(r.width, 0);
  ihdr.writeUInt32BE(r.height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  const out: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('acTL', u32s(r.patches.length, 0))];
  let seq = 0;
  r.patches.forEach((ps, i) => {
    // A frame with nothing new still needs a rectangle: one transparent pixel.
    const box = ps.length ? bounds(ps) : { x: 0, y: 0, w: 1, h: 1 };
    const rgba = new Uint8Array(box.w * box.h * 4);
    for (const p of ps) paste(rgba, box.w, { ...p, x: p.x - box.x, y: p.y - box.y }, p.data);
    out.push(fcTL(seq++, box, delays[i], i === 0 ? 0 : 1));
    const data = compress(rgba, box.w, box.h);
    out.push(i === 0 ? chunk('IDAT', data) : chunk('fdAT', Buffer.concat([u32s(seq++), data])));
  });
  out.push(chunk('IEND', new Uint8Array(0)));
  return new Uint8Array(Buffer.concat(out));
}
