/** resvg with the bundled fonts only (no system fonts), so every machine draws the same pixels. */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontFiles, needsCjk } from './fonts.js';

export function resvg(svg: string, fitTo: ResvgRenderOptions['fitTo'], background?: string): Resvg {
  const f = fontFiles();
  const files = [f.mono, f.monoBold, f.sans];
  if (needsCjk(svg)) files.push(f.cjk);
  return new Resvg(svg, {
    fitTo,
    background,
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
    shapeRendering: 2,
    textRendering: 1,
  });
}

/** An RGBA raster of an SVG drawn at its own size (its width and height attributes). */
export function rasterise(svg: string, background?: string): { data: Uint8Array; width: number; height: number } {
  const r = resvg(svg, { mode: 'original' }, background).render();
  return { data: new Uint8Array(r.pixels.buffer, r.pixels.byteOffset, r.pixels.byteLength), width: r.width, height: r.height };
}
