/**
 * Organisation icons are small SVG files of our own making. They are embedded as nested <svg>
 * elements (kept vector in PNG and PDF), after removing anything active: scripts, event handlers,
 * external references.
 */
export interface IconSvg {
  viewBox: string;
  body: string;
}

export function parseIcon(text: string): IconSvg | null {
  const open = /<svg\b([^>]*)>/i.exec(text);
  const close = text.lastIndexOf('</svg>');
  if (!open || close < 0) return null;
  const attrs = open[1];
  let viewBox = /\bviewBox\s*=\s*["']([-\d.\s,eE]+)["']/.exec(attrs)?.[1]?.trim();
  if (!viewBox) {
    const w = /\bwidth\s*=\s*["']([\d.]+)/.exec(attrs)?.[1];
    const h = /\bheight\s*=\s*["']([\d.]+)/.exec(attrs)?.[1];
    if (!w || !h) return null;
    viewBox = `0 0 ${w} ${h}`;
  }
  const body = text
    .slice(open.index + open[0].length, close)
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#|data:image\/(?:png|jpeg))[^"]*"|'(?!#|data:image\/(?:png|jpeg))[^']*')/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  return { viewBox, body };
}
