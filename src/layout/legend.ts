/** The legend: family colours, open vs closed boxes, the restriction marker. */
import type { Family } from '../catalog/index.js';
import type { Legend, LegendItem } from './scene.js';
import type { Strings } from './i18n.js';
import { textWidth } from './text.js';

const FONT = 10;
const ROW = 18;

export function legend(families: readonly Family[], s: Strings, hasRestricted: boolean, ox: number, oy: number): Legend {
  const entries: { kind: LegendItem['kind']; family?: Family; text: string }[] = [
    ...families.map((f) => ({ kind: 'family' as const, family: f, text: s.family[f] })),
    { kind: 'open', text: s.open },
    { kind: 'closed', text: s.closed },
  ];
  if (hasRestricted) entries.push({ kind: 'restricted', text: s.restricted });
  const items: LegendItem[] = entries.map((e, i) => {
    const y = oy + 8 + i * ROW;
    const swatch = e.kind === 'restricted' ? { x: ox + 8 + 9, y: y + 2, w: 10, h: 10 } : { x: ox + 8, y, w: 28, h: 14 };
    return { kind: e.kind, family: e.family, swatch, label: { text: e.text, x: ox + 44, y: y + 11, size: FONT, anchor: 'start' } };
  });
  const w = Math.ceil(44 + Math.max(...entries.map((e) => textWidth(e.text, FONT))) + 10);
  return { x: ox, y: oy, w, h: 8 + entries.length * ROW + 4, items };
}
