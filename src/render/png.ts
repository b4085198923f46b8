/** SVG → PNG with resvg, fonts from node_modules only (no system fonts), so output is identical everywhere. */
import { Resvg } from '@resvg/resvg-js';
import { fontFiles, needsCjk } from './fonts.js';

export interface PngOptions {
  /** Pixel ratio (default 1: the figure is already large). */
  scale?: number;
  /** Output width in px (overrides scale). */
  width?: number;
}

export function svgToPng(svg: string, o: PngOptions = {}): Buffer {
  const f = fontFiles();
  const fontFilesList = [f.mono, f.monoBold, f.sans];
  if (needsCjk(svg)) fontFilesList.push(f.cjk);
  const fitTo = o.width ? { mode: 'width' as const, value: Math.round(o.width) } : { mode: 'zoom' as const, value: o.scale ?? 1 };
  const r = new Resvg(svg, {
    fitTo,
    font: { loadSystemFonts: false, fontFiles: fontFilesList, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
    shapeRendering: 2,
    textRendering: 1,
  });
  return r.render().asPng();
}
