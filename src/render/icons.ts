/**
 * Organisation icons are small SVG files of our own making. They are embedded as nested <svg>
 * elements (kept vector in PNG and PDF), after removing anything active: scripts, event handlers,
 * external references.
 */
export interface IconSvg {
  viewBox: [number, number, number, number];
  body: string;
}

export function parseIcon(text: string): IconSvg | null {
  const open = /<svg\b([^>]*)>/i.exec(text);
  const close = text.lastIndexOf('</svg>');
  if (!open || close < 0) return null;
  const attrs = open[1];
  const vb = /\bviewBox\s*=\s*["']([-\d.\s,eE]+)["']/.exec(attrs)?.[1]?.trim().split(/[\s,]+/).map(Number);
  const w = Number(/\bwidth\s*=\s*["']([\d.]+)/.exec(attrs)?.[1]);
  const h = Number(/\bheight\s*=\s*["']([\d.]+)/.exec(attrs)?.[1]);
  const viewBox: IconSvg['viewBox'] | null = vb?.length === 4 ? [vb[0], vb[1], vb[2], vb[3]] : w > 0 && h > 0 ? [0, 0, w, h] : null;
  if (!viewBox || !viewBox.every(Number.isFinite) || viewBox[2] <= 0 || viewBox[3] <= 0) return null;
  const body = text
    .slice(open.index + open[0].length, close)
    .replace(/<title\b[\s\S]*?<\/title\s*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#|data:image\/(?:png|jpeg))[^"]*"|'(?!#|data:image\/(?:png|jpeg))[^']*')/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  return { viewBox, body };
}
