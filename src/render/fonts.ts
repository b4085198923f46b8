/** The bundled font files: DejaVu Sans Mono for Latin (and DejaVu Sans as a fallback), Noto Sans SC for Chinese. */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const requireCjs = createRequire(import.meta.url);

/** A package's folder, found along Node's module search paths (some packages export neither main nor package.json). */
function pkgDir(name: string): string {
  for (const base of requireCjs.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`cannot find the package ${name} (its fonts are needed for PNG and PDF output)`);
}

export function fontFiles(): { mono: string; monoBold: string; sans: string; cjk: string } {
  const dv = join(pkgDir('dejavu-fonts-ttf'), 'ttf');
  return {
    mono: join(dv, 'DejaVuSansMono.ttf'),
    monoBold: join(dv, 'DejaVuSansMono-Bold.ttf'),
    sans: join(dv, 'DejaVuSans.ttf'),
    cjk: join(pkgDir('@embedpdf/fonts-sc'), 'fonts', 'NotoSansHans-Regular.otf'),
  };
}

/** Whether the SVG has any wide (CJK) text, so the large Chinese font is only loaded when needed. */
export function needsCjk(svg: string): boolean {
  return /[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]/.test(svg);
}
