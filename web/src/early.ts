/**
 * The first thing the page runs (main.ts imports it first, so the bundle evaluates it before the other
 * modules): the request for the whole catalog's figure in the URL's language and theme starts at once,
 * not after the rest of the code has been evaluated.
 */
import type { FigureMeta } from '../../src/server/figure.js';

export type Figure = { meta: FigureMeta; svg: string };

/** The figure of the whole catalog, laid out and drawn by the server (or `llmtree site`): its SVG text and box positions. */
export async function fetchFigure(lang: 'en' | 'zh', theme: 'light' | 'dark'): Promise<Figure | undefined> {
  const at = `api/figures/${lang}-${theme}`;
  try {
    const [meta, svg] = await Promise.all([
      fetch(`${at}.json`).then((r) => (r.ok ? (r.json() as Promise<FigureMeta>) : undefined)),
      fetch(`${at}.svg`).then((r) => (r.ok ? r.text() : undefined)),
    ]);
    return meta && svg ? { meta, svg } : undefined;
  } catch {
    return undefined;
  }
}

// Read as parseState reads them (web/src/state.ts): no theme in the URL means the reader's colour scheme.
const q = new URLSearchParams(location.search);
const lang = q.get('lang') === 'zh' ? 'zh' : 'en';
const t = q.get('theme');
const theme = t === 'dark' || t === 'light' ? t : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

/** The figure for the language and theme the page opens with, already on its way. */
export const firstFigure = { lang, theme, figure: fetchFigure(lang, theme) };
