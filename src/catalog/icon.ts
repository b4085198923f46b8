/**
 * Organisation icons: small SVG files of our own making, embedded in the figure. This module parses
 * one strictly (a tiny XML reader: no DTDs, no entities beyond XML's five and character references)
 * and rebuilds it from an allow-list of drawing elements and attributes, so nothing active survives:
 * no scripts, styles, event handlers, animations, foreign content or external references. What it
 * returns is well-formed by construction, since every name, value and text is written out again.
 * It lives in the catalog stage so `validate` can check icons; the renderer uses it too.
 */
export interface IconSvg {
  /** An id for the icon's one definition in a figure (`icon-<hash>`; its own ids are `icon-<hash>-…`). */
  id: string;
  viewBox: [number, number, number, number];
  /** The sanitised content of the root <svg>, ready to embed. */
  body: string;
}

interface El {
  name: string;
  attrs: [string, string][];
  children: (El | string)[];
}

/** Elements kept (with their allowed attributes); every other element is dropped with its content. */
const ELEMENTS = new Set([
  'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'defs', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'use', 'symbol',
]);

/** Geometry and presentation attributes; `style` is filtered declaration by declaration. */
const ATTRIBUTES = new Set([
  'id', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height',
  'points', 'transform', 'viewBox', 'preserveAspectRatio', 'pathLength', 'offset', 'dx', 'dy',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'clip-path',
  'clip-rule', 'mask', 'stop-color', 'stop-opacity', 'color', 'visibility', 'display', 'paint-order',
  'vector-effect', 'shape-rendering', 'font-family', 'font-size', 'font-weight', 'font-style',
  'text-anchor', 'dominant-baseline', 'letter-spacing',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string | null {
  let bad = false;
  const out = s.replace(/&([^;&\s]*);?/g, (m, e: string) => {
    if (!m.endsWith(';')) return ((bad = true), '');
    if (e in ENTITIES) return ENTITIES[e];
    const code = /^#x([0-9a-f]+)$/i.test(e) ? parseInt(e.slice(2), 16) : /^#(\d+)$/.test(e) ? Number(e.slice(1)) : NaN;
    if (!(code > 0 && code <= 0x10ffff)) return ((bad = true), '');
    return String.fromCodePoint(code);
  });
  return bad ? null : out;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const OPEN = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const CLOSE = new RegExp(`^</(${NAME})\\s*>`);

/** Parse XML into a tree; null when it is not well-formed or uses a DTD or unknown entities. */
function parseXml(text: string): El | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root: El = { name: '', attrs: [], children: [] };
  const stack: El[] = [root];
  while (i < text.length) {
    const top = stack[stack.length - 1];
    if (text[i] !== '<') {
      const end = text.indexOf('<', i);
      const raw = text.slice(i, end < 0 ? text.length : end);
      const t = decode(raw);
      if (t === null || raw.includes(']]>')) return null;
      if (stack.length === 1 && t.trim() !== '') return null;
      if (stack.length > 1) top.children.push(t);
      i += raw.length;
      continue;
    }
    const rest = text.slice(i, i + 9);
    if (rest.startsWith('<!--')) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (rest.startsWith('<?')) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0 || stack.length > 1) return null;
      i = end + 2;
    } else if (rest === '<![CDATA[') {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0 || stack.length === 1) return null;
      top.children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (rest.startsWith('<!')) {
      // A DOCTYPE before the root is tolerated only without an internal subset (no entity definitions).
      const end = text.indexOf('>', i);
      if (end < 0 || stack.length > 1 || root.children.length || !/^<!DOCTYPE\s[^[]*$/i.test(text.slice(i, end))) return null;
      i = end + 1;
    } else if (text[i + 1] === '/') {
      const m = CLOSE.exec(text.slice(i, i + 300));
      if (!m || stack.length === 1 || m[1] !== top.name) return null;
      stack.pop();
      i += m[0].length;
    } else {
      const m = OPEN.exec(text.slice(i));
      if (!m) return null;
      if (stack.length === 1 && root.children.length) return null; // a second root element
      const el: El = { name: m[1], attrs: [], children: [] };
      for (const a of m[2].matchAll(ATTR)) {
        const v = decode(a[2] ?? a[3]);
        if (v === null || el.attrs.some(([k]) => k === a[1])) return null;
        el.attrs.push([a[1], v]);
      }
      top.children.push(el);
      if (!m[3]) stack.push(el);
      if (stack.length > MAX_ICON_DEPTH + 1) return null;
      i += m[0].length;
    }
  }
  const el = root.children[0];
  return stack.length === 1 && el && typeof el !== 'string' ? el : null;
}

/** A value may point only inside the icon itself: `url(#id)`, never at another file or address. */
function safeValue(v: string): boolean {
  return !/url\s*\(\s*(?!['"]?#)|@import|expression\s*\(|javascript:|\\/i.test(v);
}

function safeStyle(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => {
      const m = /^([a-z-]+)\s*:\s*(.+)$/i.exec(d);
      return m && ATTRIBUTES.has(m[1].toLowerCase()) && safeValue(m[2]);
    })
    .join(';');
}

function esc(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The deepest nesting of elements an icon may have; deeper is refused (real icons nest a few levels). */
export const MAX_ICON_DEPTH = 64;

/** One element's start tag (or `<name .../>` when it has no content), with its allowed attributes. */
function startTag(node: El, prefix: string): string {
  const local = (v: string) => v.replace(/url\(\s*(['"]?)#/g, `url($1#${prefix}`);
  const attrs: string[] = [];
  for (const [k, v] of node.attrs) {
    let value: string | undefined;
    if (k === 'href' || k === 'xlink:href') value = /^#[\w.:-]+$/.test(v.trim()) ? `#${prefix}${v.trim().slice(1)}` : undefined;
    else if (k === 'id') value = /^[\w.:-]+$/.test(v) ? prefix + v : undefined;
    else if (k === 'style') value = local(safeStyle(v)) || undefined;
    else if (ATTRIBUTES.has(k) && safeValue(v)) value = local(v);
    if (value !== undefined) attrs.push(` ${k === 'xlink:href' ? 'href' : k}="${esc(value)}"`);
  }
  return `<${node.name}${attrs.join('')}`;
}

/**
 * Ids inside an icon get a prefix of the icon's own, and so do references to them: an icon cannot
 * take over an id of the figure (a trunk's label path, a model's group) or of another icon.
 * Iterative (an explicit stack), so no nesting can overflow the call stack.
 */
function serialize(nodes: (El | string)[], prefix: string): string {
  const out: string[] = [];
  // Each frame: an element being written, its next child, the slot for its `>` or `/>`, whether it has content.
  const stack: { el: El | null; next: number; slot: number; content: boolean }[] = [{ el: null, next: 0, slot: -1, content: false }];
  const root: El = { name: '', attrs: [], children: nodes };
  while (stack.length) {
    const top = stack[stack.length - 1];
    const children = (top.el ?? root).children;
    if (top.next < children.length) {
      const c = children[top.next++];
      if (typeof c === 'string') {
        const s = esc(c);
        if (s) (out.push(s), (top.content = true));
      } else if (ELEMENTS.has(c.name)) {
        out.push(startTag(c, prefix), '');
        top.content = true;
        stack.push({ el: c, next: 0, slot: out.length - 1, content: false });
      }
      continue;
    }
    stack.pop();
    if (!top.el) break;
    if (top.content) (out[top.slot] = '>'), out.push(`</${top.el.name}>`);
    else out[top.slot] = '/>';
  }
  return out.join('');
}

/** Parse and sanitise an icon; null when it is not a well-formed SVG with a usable size. */
export function parseIcon(text: string): IconSvg | null {
  const svg = parseXml(text);
  if (!svg || svg.name !== 'svg') return null;
  const attr = (k: string) => svg.attrs.find(([n]) => n === k)?.[1];
  const vb = /^[-\d.\s,eE+]+$/.test(attr('viewBox') ?? '') ? attr('viewBox')!.trim().split(/[\s,]+/).map(Number) : undefined;
  const w = Number(/^\s*([\d.]+)/.exec(attr('width') ?? '')?.[1]);
  const h = Number(/^\s*([\d.]+)/.exec(attr('height') ?? '')?.[1]);
  const viewBox: IconSvg['viewBox'] | null = vb?.length === 4 ? [vb[0], vb[1], vb[2], vb[3]] : w > 0 && h > 0 ? [0, 0, w, h] : null;
  if (!viewBox || !viewBox.every(Number.isFinite) || viewBox[2] <= 0 || viewBox[3] <= 0) return null;
  const id = `icon-${hash(text)}`;
  return { id, viewBox, body: serialize(svg.children, `${id}-`) };
}

/** A short stable hash of the icon's text (FNV-1a), for its id prefix. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
