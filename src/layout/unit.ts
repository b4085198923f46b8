/**
 * A model's unit: its box, the organisation marks to its right, and the restriction marker.
 * Measured here in local coordinates (origin at the unit's top-left); placed later.
 */
import type { Catalog, Model } from '../catalog/core.js';
import { commercialUse } from '../catalog/core.js';
import { isOpen } from '../graph/index.js';
import { textWidth, wrap } from './text.js';
import { markShape, type MarkShape } from './marks.js';
import type { TextLine } from './scene.js';

export const NAME_FONT = 30;
export const PREFIX_FONT = 13;
export const PAD_X = 5;
export const LINE_GAP = 2;
/** Most cells a name line may take before it wraps. */
export const NAME_CELLS = 11;
export const MAX_MARKS = 1;
export const MARK_GAP = 3;
export const RESTRICTED_R = 5;
/** Vertical gap between stacked marks. */
const STACK_GAP = 2;

export interface UnitShape {
  model: Model;
  w: number;
  h: number;
  boxW: number;
  boxH: number;
  /** Lines relative to the box's top-left corner. */
  lines: TextLine[];
  /** Marks with x relative to the unit's left edge, y relative to its top. */
  marks: (MarkShape & { x: number; y: number })[];
  restricted?: { x: number; y: number; commercial: 'no' | 'conditional' };
  fill: 'filled' | 'hollow';
}

/** The box label: an optional prefix line from `display.prefix`, then the name (wrapped when long). */
export function labelLines(m: Model): { prefix?: string; name: string[] } {
  const name = m.display?.name ?? m.name;
  return { prefix: m.display?.prefix ? wrap(m.display.prefix, NAME_CELLS + 4, 1)[0] : undefined, name: wrap(name, NAME_CELLS, 2) };
}

export function measureUnit(catalog: Catalog, m: Model): UnitShape {
  const { prefix, name } = labelLines(m);
  const nameLineH = NAME_FONT + LINE_GAP;
  const prefixH = prefix ? PREFIX_FONT + 1 : 0;
  const boxH = Math.ceil(6 + prefixH + name.length * nameLineH);
  const textW = Math.max(prefix ? textWidth(prefix, PREFIX_FONT) : 0, ...name.map((l) => textWidth(l, NAME_FONT)));
  const boxW = Math.ceil(textW + 2 * PAD_X);
  const cx = boxW / 2;
  const lines: TextLine[] = [];
  let y = 3;
  if (prefix) {
    y += PREFIX_FONT;
    lines.push({ text: prefix, x: cx, y: y - 1, size: PREFIX_FONT, anchor: 'middle' });
    y += 1;
  }
  for (const l of name) {
    y += nameLineH;
    lines.push({ text: l, x: cx, y: y - LINE_GAP - 2, size: NAME_FONT, anchor: 'middle' });
  }
  const orgs = [...new Set(m.organizations)];
  const items: MarkItem[] = [];
  const marks: UnitShape['marks'] = [];
  for (const o of orgs.slice(0, MAX_MARKS)) {
    const s = markShape(o, catalog.organizations.get(o));
    items.push({ w: s.w, h: s.h, place: (x, y) => marks.push({ ...s, x, y }) });
  }
  if (orgs.length > MAX_MARKS) {
    const text = `+${orgs.length - MAX_MARKS}`;
    const w = Math.ceil(textWidth(text, 8) + 4);
    const s = { org: '+', name: orgs.slice(MAX_MARKS).join(', '), kind: 'badge' as const, text, color: '#888888', w, h: 14 };
    items.push({ w, h: 14, place: (x, y) => marks.push({ ...s, x, y }) });
  }
  const c = commercialUse(catalog, m);
  let restricted: UnitShape['restricted'];
  if (c === 'no' || c === 'conditional') {
    const r = RESTRICTED_R;
    items.push({ w: 2 * r, h: 2 * r, place: (x, y) => (restricted = { x: x + r, y: y + r, commercial: c }) });
  }
  const x = placeItems(items, boxW + MARK_GAP, boxH);
  return {
    model: m,
    w: Math.ceil(x - MARK_GAP),
    h: Math.max(boxH, 16),
    boxW,
    boxH,
    lines,
    marks,
    restricted,
    fill: isOpen(m) ? 'filled' : 'hollow',
  };
}

/** A mark beside a box before it is placed: its size, and what placing it at (x, y) records. */
interface MarkItem {
  w: number;
  h: number;
  place: (x: number, y: number) => void;
}

/**
 * The marks beside a box, as one column stacked from the box's middle when they fit its height (the
 * unit stays narrow), else side by side. Returns the x after the last column.
 */
function placeItems(items: MarkItem[], x0: number, boxH: number): number {
  if (!items.length) return x0;
  const stackH = items.reduce((a, it) => a + it.h, 0) + STACK_GAP * (items.length - 1);
  if (stackH <= boxH) {
    const w = Math.max(...items.map((it) => it.w));
    let y = (boxH - stackH) / 2;
    for (const it of items) {
      it.place(x0 + (w - it.w) / 2, y);
      y += it.h + STACK_GAP;
    }
    return x0 + w + MARK_GAP;
  }
  let x = x0;
  for (const it of items) {
    it.place(x, (boxH - it.h) / 2);
    x += it.w + MARK_GAP;
  }
  return x;
}
