/** SVG → PNG with resvg, fonts from node_modules only (no system fonts), so output is identical everywhere. */
import { resvg } from './raster.js';

export interface PngOptions {
  /** Pixel ratio (default 1: the figure is already large). */
  scale?: number;
  /** Output width in px (overrides scale). */
  width?: number;
}

/** The largest PNG drawn, in pixels (100 megapixels, about 400 MB of raster): a bigger one is refused before any allocation. */
export const MAX_PNG_PIXELS = 100_000_000;

/** The PNG's size in pixels for this SVG (read from its root width/height) and these options. */
export function pngSize(svg: string, o: PngOptions = {}): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (k: string) => Number(new RegExp(`\\s${k}="([\\d.eE+-]+)"`).exec(root)?.[1]);
  const vb = /\sviewBox="([^"]*)"/.exec(root)?.[1].trim().split(/[\s,]+/).map(Number) ?? [];
  const w = attr('width') || vb[2] || 100; // resvg's defaults
  const h = attr('height') || vb[3] || 100;
  const k = o.width ? Math.round(o.width) / w : (o.scale ?? 1);
  return { width: Math.round(w * k), height: Math.round(h * k) };
}

/** Thrown when a PNG would exceed MAX_PNG_PIXELS. */
export class PixelBudgetError extends RangeError {
  constructor(readonly width: number, readonly height: number) {
    super(`the PNG would be ${width}×${height} px (${(width * height / 1e6).toFixed(0)} megapixels); the limit is ${MAX_PNG_PIXELS / 1e6} megapixels`);
    this.name = 'PixelBudgetError';
  }
}

export function svgToPng(svg: string, o: PngOptions = {}): Buffer {
  const size = pngSize(svg, o);
  if (!(size.width * size.height <= MAX_PNG_PIXELS && size.width >= 1 && size.height >= 1)) throw new PixelBudgetError(size.width, size.height);
  const fitTo = o.width ? { mode: 'width' as const, value: Math.round(o.width) } : { mode: 'zoom' as const, value: o.scale ?? 1 };
  return resvg(svg, fitTo).render().asPng();
}
