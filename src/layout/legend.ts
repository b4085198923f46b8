/**
 * The legend: family colours, open vs closed boxes, the licence markers. Three shapes, so it can take
 * whichever empty part of the plot suits it: one column, two columns (families | weights and licences),
 * or one row (a strip).
 */
import type { Family } from '../catalog/index.js';
import type { Legend, LegendItem } from './scene.js';
import type { Strings } from './i18n.js';
import { textWidth } from './text.js';

const FONT = 15;

export const LEGEND_SHAPES = ['column', 'split', 'row'] as const;
export type LegendShape = (typeof LEGEND_SHAPES)[number];

type Entry = { kind: LegendItem['kind']; family?: Family; text: string };

export function legend(families: readonly Family[], s: Strings, markers: { no: boolean; conditional: boolean }, ox: number, oy: number, k = 1, shape: LegendShape = 'column'): Legend {
  const f = Math.round(FONT * k);
  const row = Math.round(f * 1.65);
  const sw = Math.round(f * 2.4), sh = Math.round(f * 1.3), mk = Math.round(f * 0.9);
  const lx = 8 + sw + 10;
  const fams: Entry[] = families.map((fam) => ({ kind: 'family' as const, family: fam, text: s.family[fam] }));
  const rest: Entry[] = [
    { kind: 'open', text: s.open },
    { kind: 'closed', text: s.closed },
  ];
  if (markers.no) rest.push({ kind: 'restricted', text: s.restricted });
  if (markers.conditional) rest.push({ kind: 'conditional', text: s.conditional });
  const groups = shape === 'split' && fams.length ? [fams, rest] : shape === 'row' ? [...fams, ...rest].map((e) => [e]) : [[...fams, ...rest]];
  const items: LegendItem[] = [];
  let x = ox;
  for (const g of groups) {
    g.forEach((e, i) => {
      const y = oy + 8 + i * row;
      const swatch = e.kind === 'restricted' || e.kind === 'conditional' ? { x: x + 8 + (sw - mk) / 2, y: y + (sh - mk) / 2, w: mk, h: mk } : { x: x + 8, y, w: sw, h: sh };
      items.push({ kind: e.kind, family: e.family, swatch, label: { text: e.text, x: x + lx, y: y + sh / 2 + f * 0.36, size: f, anchor: 'start' } });
    });
    x += Math.ceil(lx + Math.max(...g.map((e) => textWidth(e.text, f))) + 10);
  }
  const rows = Math.max(...groups.map((g) => g.length));
  return { x: ox, y: oy, w: x - ox, h: 8 + rows * row + 4, items };
}
