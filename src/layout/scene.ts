/** The scene: plain data a renderer draws. Every coordinate is in px, y grows downward. */
import type { Family } from '../catalog/index.js';
import type { Palette, ThemeName } from './theme.js';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One text line: baseline position, size and anchor. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  /** Set when the text is written along a rotated baseline (degrees, about x,y). */
  rotate?: number;
  weight?: 'normal' | 'bold';
}

export interface OrgMark extends Rect {
  org: string;
  name: string;
  /** `icon`: draw the organisation's own SVG (path relative to the catalog); `badge`: a compact text badge. */
  kind: 'icon' | 'badge';
  icon?: string;
  text?: string;
  /** Badge colour, derived from the organisation id. */
  color: string;
}

export interface ModelBox extends Rect {
  id: string;
  /** Full model name, for the tooltip. */
  name: string;
  family: Family;
  released: string;
  /** `filled`: open or restricted weights; `hollow`: closed weights. */
  fill: 'filled' | 'hollow';
  lines: TextLine[];
  marks: OrgMark[];
  /** Usage-restriction marker (licence forbids or conditions commercial use). */
  restricted?: { x: number; y: number; r: number; commercial: 'no' | 'conditional' };
  /** The box, its marks and its restriction marker: nothing else may overlap this. */
  unit: Rect;
  /** True when the model sits on the root stump below the time axis (released before the axis starts). */
  onStump?: boolean;
  faded?: boolean;
  highlighted?: boolean;
}

/** A cubic Bézier branch: start, two control points, end; the arrowhead points along the end tangent. */
export interface Branch {
  from: string | null;
  to: string;
  family: Family;
  d: [Point, Point, Point, Point];
  arrow: [Point, Point, Point];
  faded?: boolean;
}

/**
 * A model line's shared sub-branch: a vertical stem rising from the parent's box top; its children hook
 * off it. An organisation's shared stem (`from` is `org:<id>`) has no box: its `foot` curves out of the trunk.
 */
export interface StemLine {
  from: string;
  family: Family;
  x: number;
  /** Bottom (the parent's box top) and top of the stem. */
  y1: number;
  y2: number;
  /** The stem as drawn (it leans with its clade), from y1 up to y2; absent: straight up at x. */
  path?: Point[];
  foot?: [Point, Point, Point, Point];
  faded?: boolean;
}

/** A light secondary link: a merge's other parent, or a parent drawn in another column. */
export interface Link {
  from: string;
  to: string;
  family: Family;
  d: [Point, Point, Point, Point];
  faded?: boolean;
}

export interface Trunk {
  family: Family;
  /** Closed outline of the tapering trunk. */
  outline: Point[];
  /** Arrowhead at the top. */
  arrow: [Point, Point, Point];
  /** x of the vertical part and its y range. */
  x: number;
  top: number;
  bottom: number;
  /** Width at the base of the vertical part; it tapers to a third of that at the top. */
  width: number;
  label: TextLine;
  /** When set, the label is written along this curve (centred on it), in the family colour. */
  labelPath?: [Point, Point, Point, Point];
  /** Where along labelPath the label's middle sits (0–1). */
  labelOffset?: number;
  faded?: boolean;
}

/** A family's column: the horizontal band its boxes live in. */
export interface Column {
  family: Family;
  x1: number;
  x2: number;
  trunkX: number;
}

export interface YearTick {
  year: number;
  y: number;
  pill: Rect;
  label: TextLine;
}

export interface Axis {
  x: number;
  top: number;
  bottom: number;
  ticks: YearTick[];
  /** The time scale: each year's band, from its 1 January (bottom) to the next (top); linear inside. */
  years: { year: number; bottom: number; top: number }[];
  /** Dashed lines across the figure at each 1 January. */
  lines: { y: number; x1: number; x2: number }[];
}

export interface LegendItem {
  kind: 'family' | 'open' | 'closed' | 'restricted' | 'conditional' | 'mark';
  family?: Family;
  swatch: Rect;
  label: TextLine;
}

export interface Legend extends Rect {
  items: LegendItem[];
}

export interface ChartBar {
  org: string;
  name: string;
  open: number;
  closed: number;
  total: number;
  openRect: Rect;
  closedRect: Rect;
  openLabel?: TextLine;
  closedLabel?: TextLine;
  mark: OrgMark;
}

export interface BarChart extends Rect {
  axisX: number;
  bars: ChartBar[];
  /** Organisation names right of the marks, one per bar. */
  names: TextLine[];
  caption: TextLine;
  /** "top 12 of 44" when only the largest organisations are shown, right of the key. */
  note?: TextLine;
  /** Key: open swatch, closed swatch. */
  key: LegendItem[];
  /** How many organisations the drawn subset has (the chart shows the top `bars.length`). */
  organizations: number;
}

export interface Stump {
  outline: Point[];
}

/** Scene format version: 2 added `links`, organisation stems (`StemLine.foot`) and mirrored units left of a trunk. */
export const SCENE_VERSION = 2;

export interface Scene {
  version: typeof SCENE_VERSION;
  width: number;
  height: number;
  theme: ThemeName;
  lang: 'en' | 'zh';
  palette: Palette;
  font: { family: string; cjkFamily: string; advance: number };
  title: TextLine[];
  axis: Axis;
  stump: Stump | null;
  columns: Column[];
  trunks: Trunk[];
  stems: StemLine[];
  branches: Branch[];
  links: Link[];
  boxes: ModelBox[];
  legend: Legend;
  chart: BarChart | null;
  highlight?: string;
  /** Animation frames: trunks, stems and branches are drawn only below this y (the date shown). */
  clipTop?: number;
}
