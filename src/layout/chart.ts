/**
 * The stacked bar chart of models per organisation: bars grow leftward from a vertical axis, open
 * part (filled) next to the axis, closed part (hollow) further left, counts printed, the largest
 * total at the bottom, the organisation's mark and name right of the axis.
 */
import type { Catalog, Model } from '../catalog/index.js';
import { countByOrganization } from '../graph/index.js';
import type { BarChart, ChartBar, LegendItem, TextLine } from './scene.js';
import { markShape } from './marks.js';
import { textWidth, truncate } from './text.js';
import type { Strings } from './i18n.js';

const ROW0 = 24;
/** growth.ts reads the chart's scale back from a bar's height: keep 20 at scale 1. */
const BAR_H0 = 20;
const BAR_MAX0 = 150;
const FONT0 = 13;
const NAME_CELLS = 15;

export function chartSize(catalog: Catalog, models: readonly Model[], top: number, s: Strings): { w: number; h: number } | null {
  const c = barChart(catalog, models, top, s, 0, 0);
  return c ? { w: c.w, h: c.h } : null;
}

/** The chart with its top-left corner at (ox, oy); null when there is nothing to count or `top` is 0. */
export function barChart(catalog: Catalog, models: readonly Model[], top: number, s: Strings, ox: number, oy: number, k = 1): BarChart | null {
  const ROW = Math.round(ROW0 * k), BAR_H = Math.round(BAR_H0 * k), BAR_MAX = Math.round(BAR_MAX0 * k), FONT = Math.round(FONT0 * k);
  const counts = countByOrganization(catalog, models);
  if (!counts.length || top <= 0) return null;
  const shown = counts.slice(0, top).reverse(); // largest at the bottom
  const max = Math.max(...shown.map((c) => c.total));
  const unit = Math.min(12 * k, BAR_MAX / max);
  const label = (n: number) => String(n);
  // Room needed left of each bar for counts that do not fit inside it.
  const outside = (c: { open: number; closed: number }) => {
    let w = 0;
    for (const n of [c.open, c.closed]) if (n && textWidth(label(n), FONT) + 4 > n * unit) w += textWidth(label(n), FONT) + 4;
    return w;
  };
  const leftPad = Math.ceil(Math.max(0, ...shown.map((c) => c.total * unit + outside(c))));
  const names = shown.map((c) => truncate(c.name, NAME_CELLS));
  const marks = shown.map((c) => markShape(c.org, catalog.organizations.get(c.org))).map((m) => ({ ...m, w: Math.round(m.w * k), h: Math.round(m.h * k) }));
  const markW = Math.max(...marks.map((m) => m.w));
  const nameW = Math.max(...names.map((n) => textWidth(n, FONT)));
  const caption = s.chartCaption;
  const note = shown.length < counts.length ? s.chartTop(shown.length, counts.length) : '';
  const captionW = textWidth(caption, FONT + 1);
  const keyW = 4 + 2 * (18 * k + 14 * k) + textWidth(s.chartOpen, FONT) + textWidth(s.chartClosed, FONT) + (note ? textWidth(note, FONT) : 0);
  const bodyW = leftPad + 4 + markW + 4 + nameW;
  const w = Math.ceil(Math.max(bodyW, captionW, keyW) + 8);
  const axisX = ox + w - 4 - nameW - 4 - markW - 4;
  const y0 = oy + Math.round(24 * k);
  const bars: ChartBar[] = shown.map((c, i) => {
    const y = y0 + i * ROW;
    const ow = c.open * unit;
    const cw = c.closed * unit;
    const openRect = { x: axisX - ow, y, w: ow, h: BAR_H };
    const closedRect = { x: axisX - ow - cw, y, w: cw, h: BAR_H };
    let cursor = closedRect.x - 3;
    const place = (n: number, r: { x: number; w: number }): TextLine | undefined => {
      if (!n) return undefined;
      const tw = textWidth(label(n), FONT);
      if (tw + 4 <= r.w) return { text: label(n), x: r.x + r.w / 2, y: y + BAR_H / 2 + FONT * 0.36, size: FONT, anchor: 'middle' };
      const t: TextLine = { text: label(n), x: cursor, y: y + BAR_H / 2 + FONT * 0.36, size: FONT, anchor: 'end' };
      cursor -= tw + 4;
      return t;
    };
    const closedLabel = place(c.closed, closedRect);
    const openLabel = place(c.open, openRect);
    const m = marks[i];
    return {
      org: c.org,
      name: c.name,
      open: c.open,
      closed: c.closed,
      total: c.total,
      openRect,
      closedRect,
      openLabel,
      closedLabel,
      mark: { ...m, x: axisX + 4, y: y + (BAR_H - m.h) / 2, w: m.w, h: m.h },
    };
  });
  const nameLines: TextLine[] = bars.map((b, i) => ({ text: names[i], x: axisX + 4 + markW + 4, y: b.openRect.y + BAR_H / 2 + FONT * 0.36, size: FONT, anchor: 'start' }));
  const keyY = y0 + shown.length * ROW + 4;
  const key: LegendItem[] = [
    { kind: 'open', swatch: { x: ox + 4, y: keyY, w: 14 * k, h: 12 * k }, label: { text: s.chartOpen, x: ox + 4 + 18 * k, y: keyY + 11 * k, size: FONT, anchor: 'start' } },
  ];
  const k2 = ox + 4 + 18 * k + textWidth(s.chartOpen, FONT) + 14 * k;
  key.push({ kind: 'closed', swatch: { x: k2, y: keyY, w: 14 * k, h: 12 * k }, label: { text: s.chartClosed, x: k2 + 18 * k, y: keyY + 11 * k, size: FONT, anchor: 'start' } });
  return {
    x: ox,
    y: oy,
    w,
    h: keyY + Math.round(16 * k) - oy,
    axisX,
    bars,
    names: nameLines,
    caption: { text: caption, x: ox + w, y: oy + Math.round(14 * k), size: FONT + 1, anchor: 'end', weight: 'bold' },
    note: note ? { text: note, x: ox + w, y: keyY + 11 * k, size: FONT, anchor: 'end' } : undefined,
    key,
    organizations: counts.length,
  };
}
