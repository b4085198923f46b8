/**
 * Animated GIF of the growing tree: each frame's SVG rasterised by resvg (fonts from node_modules),
 * one shared palette taken from the last (fullest) frame, encoded with gifenc.
 */
import { Resvg } from '@resvg/resvg-js';
import * as gifencNs from 'gifenc';
import type { Scene } from '../layout/index.js';
import { renderSvg } from './svg.js';
import { fontFiles, needsCjk } from './fonts.js';

export interface GifOptions {
  /** Frames per second (default 4). */
  fps?: number;
  /** Output width in px (default 1024). */
  width?: number;
  /** How long the last frame stays, in ms (default 2500). */
  hold?: number;
  icons?: ReadonlyMap<string, string>;
}

function rasterise(svg: string, width: number): { data: Uint8Array; width: number; height: number } {
  const f = fontFiles();
  const files = [f.mono, f.monoBold, f.sans];
  if (needsCjk(svg)) files.push(f.cjk);
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
    shapeRendering: 2,
    textRendering: 1,
  }).render();
  return { data: new Uint8Array(r.pixels.buffer, r.pixels.byteOffset, r.pixels.byteLength), width: r.width, height: r.height };
}

export function scenesToGif(scenes: readonly Scene[], o: GifOptions = {}): Uint8Array {
  // CommonJS package: named exports under Node's ESM loader come on `default`, under a bundler on the namespace.
  const ns = gifencNs as unknown as typeof gifencNs & { default?: typeof gifencNs };
  const { GIFEncoder, quantize, applyPalette } = typeof ns.GIFEncoder === 'function' ? ns : ns.default!;
  const width = Math.round(o.width ?? 1024);
  const delay = Math.round(1000 / (o.fps ?? 4));
  const frames = scenes.map((s) => rasterise(renderSvg(s, { icons: o.icons }), width));
  const last = frames[frames.length - 1];
  const palette = quantize(last.data, 256, { format: 'rgb565' });
  const gif = GIFEncoder();
  frames.forEach((f, i) => {
    const index = applyPalette(f.data, palette, 'rgb565');
    gif.writeFrame(index, f.width, f.height, { palette: i === 0 ? palette : undefined, delay: i === frames.length - 1 ? (o.hold ?? 2500) : delay, repeat: 0 });
  });
  gif.finish();
  return gif.bytes();
}
