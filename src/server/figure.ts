/**
 * The explorer's first-paint figure: the SVG that `renderSvg` writes for a scene, plus the few facts the
 * page needs beside it (size, title, where each model's box is). The page inserts the SVG as it is, so
 * it never parses the whole scene as JSON nor serialises it again. No Node imports: the page uses it too.
 */
import type { Scene } from '../layout/index.js';
import { renderSvg } from '../render/svg.js';

export interface FigureBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FigureMeta {
  width: number;
  height: number;
  /** The figure's title lines, joined (the SVG's accessible name). */
  title: string;
  boxes: FigureBox[];
}

export function figureMeta(scene: Scene): FigureMeta {
  return {
    width: scene.width,
    height: scene.height,
    title: scene.title.map((t) => t.text).join(' '),
    boxes: scene.boxes.map((b) => ({ id: b.id, x: b.x, y: b.y, w: b.w, h: b.h })),
  };
}

/**
 * The SVG text with every non-ASCII character written as a numeric character reference (`&#931;`): a
 * handful of Greek letters or an ellipsis would otherwise make the browser decode and parse the whole
 * half-megabyte as a two-byte string. The page's parser reads the references back to the same characters.
 */
export function asciiOnly(svg: string): string {
  return svg.replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * The explorer's figure SVG, as the server, `llmtree site`, the layout worker and the page draw it: no
 * per-box tooltips (the page shows its own), arrowheads as markers, ASCII only.
 */
export function explorerSvg(scene: Scene, icons: ReadonlyMap<string, string>): string {
  return asciiOnly(renderSvg(scene, { icons, boxTitles: false, arrowMarkers: true }));
}

/** The figure files the server answers and `llmtree site` writes: api/figures/<lang>-<theme>.{svg,json}. */
export const FIGURE_LANGS = ['en', 'zh'] as const;
export const FIGURE_THEMES = ['light', 'dark'] as const;
