/** The legend: family colours, open vs closed boxes, the restriction marker. */
import type { Family } from '../catalog/index.js';
import type { Legend, LegendItem } from './scene.js';
import type { Strings } from './i18n.js';
import { textWidth } from './text.js';

const FONT = 14;
const ROW = 24;

export function legend(families: readonly Family[], s: Strings, hasRestricted: boolean, ox: number, oy: number): Legend {
  const entries: { kind: LegendItem['kind']; family?: Family; text: string }[] = [
    ...families.map((f) => ({ kind: 'family' as const, family: f, text: s.family[f] })),
    { kind: 'open', text: s.open },
    { kind: 'closed', text: s.closed },
  ];
  if (hasRestricted) entries.push({ kind: 'restricted', text: s.restricted });
  const items: LegendItem[] = entries.map((e, i) => {
    const y = oy + 8 + i * ROW;
    const swatch = e.kind === 'restricted' ? { x: ox + 8 + 11, y: y + 3, w: 14, h: 14 } : { x: ox + 8, y, w: 36, h: 20 };
    return { kind: e.kind, family: e.family, swatch, label: { text: e.text, x: ox + 54, y: y + 15, size: FONT, anchor: 'start' } };
  });
  const w = Math.ceil(54 + Math.max(...entries.map((e) => textWidth(e.text, FONT))) + 10);
  return { x: ox, y: oy, w, h: 8 + entries.length * ROW + 4, items };
}
