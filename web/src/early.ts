/**
 * The first thing the page runs (main.ts imports it first, so the bundle evaluates it before the other
 * modules): the request for the whole catalog's figure in the URL's language and theme starts at once,
 * not after the rest of the code has been evaluated. `llmtree serve` has the browser fetch the same URLs
 * while it reads the page (a `Link: rel=preload` header), so this usually finds them already loaded.
 */
import { figureChoice, type FigureMeta } from '../../src/server/figure.js';

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

// The same choice the server made when it named these URLs in the page's `Link` header (figurePreload).
const choice = figureChoice(new URLSearchParams(location.search));
const lang = choice.lang;
const theme = choice.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

/** The figure for the language and theme the page opens with, already on its way. */
export const firstFigure = { lang, theme, figure: fetchFigure(lang, theme) };
