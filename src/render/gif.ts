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
  const { GIFEncoder, quantize, applyPalette } = gifenc();
  // The last frame holds every colour: build it, quantise it once.
  const canvas = new Uint8Array(r.width * r.height * 4);
  for (const ps of r.patches) for (const p of ps) paste(canvas, r.width, p, p.data);
  const palette = quantize(canvas, 256, { format: 'rgb565' });
  const delays = frameDelays(r.patches.length, o);
  const index = new Uint8Array(r.width * r.height);
  const gif = GIFEncoder();
  r.patches.forEach((ps, i) => {
    for (const p of ps) paste(index, r.width, p, applyPalette(p.data, palette, 'rgb565'), 1);
    gif.writeFrame(index, r.width, r.height, { palette: i === 0 ? palette : undefined, delay: delays[i], repeat: 0 });
  });
  gif.finish();
  return gif.bytes();
}
