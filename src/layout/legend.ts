/** The legend: family colours, open vs closed boxes, the licence markers. */
import type { Family } from '../catalog/index.js';
import type { Legend, LegendItem } from './scene.js';
import type { Strings } from './i18n.js';
import { textWidth } from './text.js';

const FONT = 15;

export function legend(families: readonly Family[], s: Strings, markers: { no: boolean; conditional: boolean }, ox: number, oy: number, k = 1): Legend {
  const f = Math.round(FONT * k);
  const row = Math.round(f * 1.65);
  const sw = Math.round(f * 2.4), sh = Math.round(f * 1.3), mk = Math.round(f * 0.9);
  const lx = 8 + sw + 10;
  const entries: { kind: LegendItem['kind']; family?: Family; text: string }[] = [
    ...families.map((f) => ({ kind: 'family' as const, family: f, text: s.family[f] })),
    { kind: 'open', text: s.open },
    { kind: 'closed', text: s.closed },
  ];
  if (markers.no) entries.push({ kind: 'restricted', text: s.restricted });
  if (markers.conditional) entries.push({ kind: 'conditional', text: s.conditional });
  const items: LegendItem[] = entries.map((e, i) => {
    const y = oy + 8 + i * row;
    const swatch = e.kind === 'restricted' || e.kind === 'conditional' ? { x: ox + 8 + (sw - mk) / 2, y: y + (sh - mk) / 2, w: mk, h: mk } : { x: ox + 8, y, w: sw, h: sh };
    return { kind: e.kind, family: e.family, swatch, label: { text: e.text, x: ox + lx, y: y + sh / 2 + f * 0.36, size: f, anchor: 'start' } };
  });
  const w = Math.ceil(lx + Math.max(...entries.map((e) => textWidth(e.text, f))) + 10);
  return { x: ox, y: oy, w, h: 8 + entries.length * row + 4, items };
}
