/**
 * Phase 6 — legend, chart, axis, title. As in the survey: the chart in the lower right, the legend in
 * the upper left, inside the plot where there is free room, else beside it.
 */
import type { Catalog, Family, Model } from '../catalog/core.js';
import type { BarChart, Legend, Point, Rect, Scene, TextLine } from './scene.js';
import type { Strings } from './i18n.js';
import type { Frame } from './frame.js';
import { MARGIN } from './frame.js';
import { legend } from './legend.js';
import { barChart } from './chart.js';
import { axis } from './axis.js';
import { FreeSpace, type Obstacles } from './place.js';
import { textWidth } from './text.js';
import { sampleBezier } from './geometry.js';

const GAP = 30;

export interface FurnitureInput {
  catalog: Catalog;
  f: Frame;
  s: Strings;
  chartTop: number;
  families: Family[];
  plotRight: number;
  bottom: number;
  /** What the legend and chart must not cover. */
  parts: Pick<Scene, 'boxes' | 'trunks' | 'stems' | 'branches'>;
  minWidth: number;
  /** Page shape (width ÷ height): a figure wider than that gets extra height below. */
  aspect?: number;
  /** Models counted in the chart (all drawn ones; the animation passes the ones shown so far). */
  counted?: readonly Model[];
}

export interface Furniture {
  legend: Legend;
  chart: BarChart | null;
  axis: Scene['axis'];
  title: TextLine[];
  width: number;
  height: number;
}

function obstacles(input: FurnitureInput): Obstacles {
  const { parts, f } = input;
  return {
    rects: [
      ...parts.boxes.map((b) => b.unit),
      ...parts.trunks.map((tr) => ({ x: tr.x - tr.width / 2, y: tr.top - 18, w: tr.width, h: tr.bottom - tr.top + 18 })),
      { x: 0, y: 0, w: f.axisX + 25 * f.k + 15, h: 1e6 },
      ...parts.stems.filter((st) => !st.path).map((st) => ({ x: st.x - 1, y: st.y2, w: 2, h: st.y1 - st.y2 })),
    ],
    points: [
      ...parts.stems.flatMap((st) => st.path ?? []),...parts.branches.flatMap((br) => sampleBezier(br.d, 10)), ...parts.stems.flatMap((st) => (st.foot ? sampleBezier(st.foot, 10) : [])), ...parts.trunks.flatMap((tr) => tr.outline)],
  };
}

export function furniture(input: FurnitureInput): Furniture {
  const { catalog, f, s, plotRight } = input;
  const axisBottom = f.scale.bottom;
  const markers = { no: input.parts.boxes.some((b) => b.restricted?.commercial === 'no'), conditional: input.parts.boxes.some((b) => b.restricted?.commercial === 'conditional') };
  const legendProbe = legend(input.families, s, markers, 0, 0, f.kPanel);
  const chartProbe = barChart(catalog, input.counted ?? f.drawn, input.chartTop, s, 0, 0, f.kPanel);
  const plot = { x: f.axisX + 50, y: f.headerH, w: Math.max(1, plotRight - f.axisX - 50), h: Math.max(1, axisBottom - f.headerH) };
  const space = new FreeSpace(plot, obstacles(input), 10);
  const chartRect = chartProbe ? placeChart(space, plot, chartProbe, plotRight, axisBottom) : null;
  if (chartRect) space.add(chartRect);
  const titleRight = f.axisX + 40 + Math.max(...f.titleLines.map((l) => textWidth(l, f.titleFont)));
  const legendRect = placeLegend(space, plot, legendProbe, titleRight, plotRight, axisBottom, chartRect);
  const chart = chartProbe && chartRect ? barChart(catalog, input.counted ?? f.drawn, input.chartTop, s, chartRect.x, chartRect.y, f.kPanel) : null;
  const leg = legend(input.families, s, markers, legendRect.x, legendRect.y, f.kPanel);
  const width = Math.ceil(Math.max(input.minWidth, plotRight + MARGIN, chart ? chart.x + chart.w + MARGIN : 0, leg.x + leg.w + MARGIN, titleRight + MARGIN));
  const height = Math.ceil(Math.max(input.bottom + MARGIN, input.aspect ? width / input.aspect : 0));
  const title: TextLine[] = f.titleLines.map((l, i) => ({ text: l, x: f.axisX + 40, y: MARGIN + (i + 1) * (f.titleFont + 6) - 6, size: f.titleFont, anchor: 'start', weight: 'bold' }));
  const ax = axis(f.scale, f.axisX, Math.min(f.scale.top - 30, f.headerH + 10), height - MARGIN / 2, width - MARGIN, f.k);
  return { legend: leg, chart, axis: ax, title, width, height };
}

function placeChart(space: FreeSpace, plot: Rect, probe: { w: number; h: number }, plotRight: number, axisBottom: number): Rect {
  const midX = plot.x + plot.w / 2, midY = plot.y + plot.h / 2;
  return (
    space.first(probe.w, probe.h, corner(plotRight, axisBottom, probe.w, probe.h, Math.min(midX, plotRight - probe.w), Math.min(midY, axisBottom - probe.h), 'bottom-right')) ??
    // Else anywhere along the bottom half, nearer the right first.
    space.first(probe.w, probe.h, corner(plotRight, axisBottom, probe.w, probe.h, plot.x, Math.min(midY, axisBottom - probe.h), 'bottom-right')) ??
    { x: plotRight + GAP, y: axisBottom - probe.h, w: probe.w, h: probe.h }
  );
}

function placeLegend(space: FreeSpace, plot: Rect, probe: { w: number; h: number }, titleRight: number, plotRight: number, axisBottom: number, chartRect: Rect | null): Rect {
  const midX = plot.x + plot.w / 2, midY = plot.y + plot.h / 2;
  const { w, h } = probe;
  const outside = () => {
    const x = plotRight + GAP;
    const clash = chartRect && chartRect.x < x + w && chartRect.y < plot.y + h + 10;
    return { x: clash ? chartRect.x + chartRect.w + GAP : x, y: plot.y, w, h };
  };
  return (
    space.first(w, h, corner(Math.max(midX, plot.x + w), Math.max(midY, plot.y + h), w, h, plot.x, plot.y, 'top-left')) ??
    space.first(w, h, corner(Math.max(midX, titleRight + 30 + w), Math.max(midY, MARGIN + h), w, h, titleRight + 30, MARGIN, 'top-left')) ??
    space.first(w, h, corner(plotRight, axisBottom, w, h, plot.x, plot.y, 'top-left')) ??
    outside()
  );
}

/** Candidate top-left corners, row by row from one corner of a region. */
function* corner(right: number, bottom: number, w: number, h: number, left: number, top: number, from: 'bottom-right' | 'top-left'): Generator<Point> {
  const step = 20;
  const ys: number[] = [];
  const xs: number[] = [];
  for (let y = top; y + h <= bottom; y += step) ys.push(y);
  for (let x = left; x + w <= right; x += step) xs.push(x);
  if (from === 'bottom-right') {
    ys.reverse();
    xs.reverse();
  }
  for (const y of ys) for (const x of xs) yield { x, y };
}
