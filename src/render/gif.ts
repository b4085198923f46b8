/**
 * Animated GIF of the growing tree: frames drawn incrementally (frames.ts: the first whole, then only
 * what changed), one shared palette quantised once from the last (fullest) frame and applied to each
 * changed region only, encoded with gifenc.
 */
import * as gifencNs from 'gifenc';
import type { Scene } from '../layout/index.js';
import { frameRasters, paste, type FrameRasters } from './frames.js';

export interface GifOptions {
  /** Frames per second (default 4). */
  fps?: number;
  /** Output width in px (default 1024). */
  width?: number;
  /** How long the last frame stays, in ms (default 2500). */
  hold?: number;
  icons?: ReadonlyMap<string, string>;
}

/** The delay of each frame in ms: 1000 / fps, the last one held. */
export function frameDelays(count: number, o: Pick<GifOptions, 'fps' | 'hold'>): number[] {
  const delay = Math.round(1000 / (o.fps ?? 4));
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? (o.hold ?? 2500) : delay));
}

function gifenc(): typeof gifencNs {
  // CommonJS package: named exports under Node's ESM loader come on `default`, under a bundler on the namespace.
  const ns = gifencNs as unknown as typeof gifencNs & { default?: typeof gifencNs };
  return typeof ns.GIFEncoder === 'function' ? ns : ns.default!;
}

export function scenesToGif(scenes: readonly Scene[], o: GifOptions = {}): Uint8Array {
  return rastersToGif(frameRasters(scenes, { width: o.width ?? 1024, icons: o.icons }), o);
}

export function rastersToGif(r: FrameRasters, o: Pick<GifOptions, 'fps' | 'hold'> = {}): Uint8Array {
  const { GIFEncoder, quantize, nearestColorIndex } = gifenc();
  // The last frame holds every colour: build it, quantise it once.
  const canvas = new Uint8Array(r.width * r.height * 4);
  for (const ps of r.patches) for (const p of ps) paste(canvas, r.width, p, p.data);
  const palette = quantize(canvas, 256, { format: 'rgb565' });
  const delays = frameDelays(r.patches.length, o);
  const index = new Uint8Array(r.width * r.height);
  const toIndex = indexer(palette, (rgb) => nearestColorIndex(palette, rgb));
  const gif = GIFEncoder();
  r.patches.forEach((ps, i) => {
    for (const p of ps) paste(index, r.width, p, toIndex(p.data), 1);
    gif.writeFrame(index, r.width, r.height, { palette: i === 0 ? palette : undefined, delay: delays[i], repeat: 0 });
  });
  gif.finish();
  return gif.bytes();
}

/**
 * RGBA → palette indices, as gifenc's applyPalette (rgb565 bins, nearest colour of the first pixel seen
 * in a bin), with one cache for the whole animation instead of one per call: a region of a few thousand
 * pixels no longer pays for searching the palette afresh.
 */
function indexer(palette: number[][], nearest: (rgb: number[]) => number): (rgba: Uint8Array) => Uint8Array {
  const cache = new Int16Array(1 << 16).fill(-1);
  return (rgba) => {
    const out = new Uint8Array(rgba.length >> 2);
    for (let i = 0, j = 0; j < out.length; i += 4, j++) {
      const r = rgba[i], g = rgba[i + 1], b = rgba[i + 2];
      const key = ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3);
      let idx = cache[key];
      if (idx < 0) idx = cache[key] = nearest([r, g, b]);
      out[j] = idx;
    }
    return out;
  };
}
