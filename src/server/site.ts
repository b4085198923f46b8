/** `llmtree site`: the explorer as static files (page + JSON) that any static host can serve from any folder. */
import { cpSync, lstatSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Catalog } from '../catalog/core.js';
import type { Guide } from '../catalog/guide-schema.js';
import { layoutTree } from '../layout/index.js';
import { catalogPayload, modelPayload, figurePayload } from './data.js';
import { FIGURE_LANGS, FIGURE_THEMES } from './figure.js';

/** Written into every site folder, so that `site` may replace a folder it wrote before and nothing else. */
export const SITE_MARKER = '.llmtree-site';

export class SiteError extends Error {}

/**
 * Copy the built page from `pageDir` and write the JSON next to it: api/catalog.json, api/scene.json
 * (the whole catalog), api/figures/<lang>-<theme>.{svg,json} (the page's first paint) and
 * api/models/<id>.json. Everything goes into a temporary folder first and is
 * renamed into place, so the output is never half-written.
 */
export function writeSite(out: string, pageDir: string, catalog: Catalog, guide?: Guide): void {
  const target = resolve(out);
  if (!existsSync(join(pageDir, 'index.html'))) throw new SiteError(`the explorer page is not built (${pageDir}); run \`npm run build\``);
  if (!existsSync(dirname(target))) throw new SiteError(`-o: the folder "${dirname(out)}" does not exist`);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new SiteError(`-o: "${out}" is a file, not a folder`);
    if (readdirSync(target).length && !existsSync(join(target, SITE_MARKER)))
      throw new SiteError(`-o: "${out}" is not empty and was not written by \`llmtree site\`; choose an empty or new folder`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const old = join(dirname(target), `.${basename(target)}.${process.pid}.old`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    // Links are left out: the site holds copies of the page's own files and nothing they point at.
    cpSync(pageDir, tmp, { recursive: true, filter: (src) => !lstatSync(src).isSymbolicLink() });
    mkdirSync(join(tmp, 'api', 'models'), { recursive: true });
    const payload = catalogPayload(catalog, guide);
    writeFileSync(join(tmp, 'api', 'catalog.json'), JSON.stringify(payload));
    writeFileSync(join(tmp, 'api', 'scene.json'), JSON.stringify(layoutTree(catalog, catalog.models, {})));
    // The page's first paint: the whole catalog's figure in each language and theme, drawn here once.
    mkdirSync(join(tmp, 'api', 'figures'));
    for (const lang of FIGURE_LANGS)
      for (const theme of FIGURE_THEMES) {
        const { svg, meta } = figurePayload(catalog, payload.icons, lang, theme);
        writeFileSync(join(tmp, 'api', 'figures', `${lang}-${theme}.svg`), svg);
        writeFileSync(join(tmp, 'api', 'figures', `${lang}-${theme}.json`), JSON.stringify(meta));
      }
    for (const m of catalog.models) writeFileSync(join(tmp, 'api', 'models', `${m.id}.json`), JSON.stringify(modelPayload(catalog, m.id)));
    writeFileSync(join(tmp, SITE_MARKER), 'Written by `llmtree site`; the folder is replaced when it runs again.\n');
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(target)) renameSync(old, target);
    throw new SiteError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
