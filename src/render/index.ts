export { renderSvg, type SvgOptions } from './svg.js';
export { svgToPng, pngSize, MAX_PNG_PIXELS, PixelBudgetError, type PngOptions } from './png.js';
export { svgToPdf, type PdfOptions } from './pdf.js';
export { sceneJson } from './json.js';
export { xml } from './escape.js';
export { fontFiles } from './fonts.js';
export { parseIcon } from './icons.js';
