import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/index.js';
import { layoutTree } from '../src/layout/index.js';
import { renderSvg, svgToPng, svgToPdf, sceneJson, parseIcon } from '../src/render/index.js';
import { polyline } from '../src/render/svg.js';
import { cropScene } from '../src/render/frames.js';
import { readIcons } from '../src/cli/render.js';
import { renderInProcess } from './helpers.js';
import { UsageError } from '../src/cli/errors.js';
import { hostileCatalog } from './fixtures/figure/catalogs.js';

const MINI = 'test/fixtures/figure/mini';
const GOLDEN = 'test/fixtures/figure/mini.golden.svg';
const mini = loadCatalog(MINI).catalog;

function miniSvg(): string {
  const scene = layoutTree(mini, mini.models);
  return renderSvg(scene, { icons: readIcons(mini, scene) });
}

const pngSize = (b: Buffer) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });

describe('renderSvg(scene)', () => {
  it('matches the golden snapshot of the mini fixture (UPDATE_GOLDEN=1 to accept a change)', () => {
    const svg = miniSvg();
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, svg);
    const want = readFileSync(GOLDEN, 'utf8');
    if (svg !== want) writeFileSync(GOLDEN.replace('.svg', '-changed.svg'), svg);
    expect(svg === want, `SVG differs from ${GOLDEN}; see the -changed.svg next to it`).toBe(true);
  });

  it('defines each icon once, as a pattern, and paints it into a rectangle, in a whole figure and in a cropped region', () => {
    const scene = layoutTree(mini, mini.models);
    const icons = readIcons(mini, scene);
    const check = (svg: string) => {
      const defined = [...svg.matchAll(/<pattern id="(icon-[a-z0-9]+)" width="1" height="1" viewBox="[\d. -]+">/g)].map((m) => m[1]);
      const used = new Set([...svg.matchAll(/<rect x="[\d.-]+" y="[\d.-]+" width="[\d.]+" height="[\d.]+" fill="url\(#(icon-[a-z0-9]+)\)"\/>/g)].map((m) => m[1]));
      expect(svg).not.toContain('<use ');
      expect(new Set(defined).size).toBe(defined.length); // once each
      expect([...used].sort()).toEqual([...defined].sort()); // every one used is defined, and only those
      return used.size;
    };
    expect(check(renderSvg(scene, { icons }))).toBeGreaterThan(0);
    const box = scene.boxes.find((b) => b.marks.some((m) => m.kind === 'icon'))!;
    const view = { x: box.x - 40, y: box.y - 20, w: box.w + 80, h: box.h + 40 };
    expect(check(renderSvg(cropScene(scene, view), { icons, view: { ...view, width: 200, height: 100 } }))).toBeGreaterThan(0);
    // The explorer's figures leave out the boxes' tooltips: an icon is then one <rect> element.
    const bare = renderSvg(scene, { icons, boxTitles: false });
    expect(check(bare)).toBeGreaterThan(0);
    expect(bare).not.toMatch(/<g id="m-[^"]*"[^>]*><title>/);
  });

  it('draws arrowheads as polygons in files, and as the branches\' own markers in the explorer\'s figures', () => {
    const scene = layoutTree(mini, mini.models);
    const file = renderSvg(scene);
    expect((file.match(/<polygon[^>]* data-to=/g) ?? []).length).toBe(scene.branches.length);
    expect(file).not.toContain('<marker');
    const page = renderSvg(scene, { arrowMarkers: true });
    expect(page).not.toMatch(/<polygon[^>]* data-to=/);
    const families = new Set(scene.branches.map((b) => b.family));
    expect([...page.matchAll(/<marker id="arrow-([a-z-]+)"/g)].map((m) => m[1]).sort()).toEqual([...families].sort());
    for (const b of scene.branches) expect(page).toContain(`data-to="${b.to}" d="M`);
    expect((page.match(/marker-end="url\(#arrow-[a-z-]+\)"/g) ?? []).length).toBe(scene.branches.length);
  });

  it('defines each licence marker once, as a pattern, and fills one rectangle per marked box', () => {
    const scene = layoutTree(mini, mini.models);
    const svg = renderSvg(scene);
    const marked = scene.boxes.filter((b) => b.restricted);
    const kinds = new Set(marked.map((b) => (b.restricted!.commercial === 'conditional' ? 'conditional' : 'no')));
    expect(kinds.size).toBe(2); // the mini fixture has both kinds
    for (const k of kinds) expect(svg.match(new RegExp(`<pattern id="licence-${k}"`, 'g'))).toHaveLength(1);
    const fills = (svg.match(/fill="url\(#licence-(no|conditional)\)"/g) ?? []).length;
    expect(fills).toBe(marked.length + 2); // and the legend's two
    expect(svg.match(/>\$<\/text>|>!<\/text>/g)).toHaveLength(2); // drawn once each, in the definitions
  });

  it('sets the font and the usual text-anchor once on the root; a text says only how it differs', () => {
    const svg = miniSvg();
    expect(svg).toMatch(/^<svg [^>]*font-family="DejaVu Sans Mono" text-anchor="middle">/);
    expect(svg).not.toMatch(/<text[^>]*font-family="DejaVu Sans Mono"/);
    expect(svg).not.toMatch(/<text[^>]*text-anchor="middle"/);
  });

  it('draws a routed stem without the points of its straight runs, its corners rounded', () => {
    const d = polyline([{ x: 0, y: 0 }, { x: 0, y: 5 }, { x: 0, y: 10 }, { x: 5, y: 15 }, { x: 10, y: 20 }, { x: 10, y: 20.004 }, { x: 10, y: 30 }, { x: 10, y: 25 }]);
    // The corners kept (a turn back too) are the curves' control points; each curve starts and ends on
    // the segments, at most half-way along them, so a branch leaving a segment's middle is on the line.
    expect([...d.matchAll(/Q([\d.]+) ([\d.]+)/g)].map((m) => `${m[1]},${m[2]}`)).toEqual(['0,10', '10,20', '10,30']);
    expect(d.startsWith('M0 0L0 5Q0 10 ')).toBe(true);
    expect(d.endsWith('L10 25')).toBe(true);
    expect(polyline([{ x: 1, y: 1 }])).toBe('M1 1');
    expect(polyline([{ x: 0, y: 0 }, { x: 0, y: 40 }, { x: 30, y: 80 }])).toBe('M0 0L0 22Q0 40 10.8 54.4L30 80');
  });

  it('is deterministic', () => {
    expect(miniSvg()).toBe(miniSvg());
  });

  it('embeds icons without their scripts or handlers', () => {
    const svg = miniSvg();
    expect(svg).not.toMatch(/<script|onclick|alert\(/i);
    expect(svg).toContain('fill="#225599"');
    expect(parseIcon('<svg viewBox="0 0 10 10"><a href="http://x">y</a></svg>')!.body).not.toContain('http://x');
  });

  it('escapes every catalog string (markup, quotes, ampersands, control characters)', () => {
    const c = hostileCatalog();
    const svg = renderSvg(layoutTree(c, c.models));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('&amp; &apos;bye&apos; &lt;b&gt;');
    expect(svg).toContain('&lt;Evil &amp; &quot;Co&quot;&gt;');
    expect(svg).not.toMatch(/[\u0001\u0007]/);
    expect(svg).toContain('نموذج');
    // resvg parses it: the SVG is well-formed.
    const png = svgToPng(svg, { scale: 1 });
    expect(pngSize(png).w).toBeGreaterThan(100);
  });

  it('sets the output width, keeping the viewBox', () => {
    const scene = layoutTree(mini, mini.models);
    const svg = renderSvg(scene, { width: 500 });
    expect(svg).toMatch(new RegExp(`width="500" height="${Math.round((scene.height * 500) / scene.width)}" viewBox="0 0 ${scene.width} ${scene.height}"`));
  });
});

describe('svgToPng / svgToPdf / sceneJson', () => {
  it('svgToPng gives a PNG of the expected size', () => {
    const scene = layoutTree(mini, mini.models);
    const svg = renderSvg(scene);
    const png = svgToPng(svg, { scale: 2 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ w: scene.width * 2, h: scene.height * 2 });
    expect(pngSize(svgToPng(svg, { width: 640 })).w).toBe(640);
  });

  it('svgToPng renders Chinese with the bundled CJK font', () => {
    const svg = renderSvg(layoutTree(mini, mini.models, { lang: 'zh' }));
    expect(pngSize(svgToPng(svg, { scale: 1 })).w).toBeGreaterThan(100);
  });

  it('svgToPdf gives a one-page vector PDF', async () => {
    const pdf = await svgToPdf(miniSvg());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(1);
  });

  it('sceneJson round-trips the scene', () => {
    const scene = layoutTree(mini, mini.models);
    expect(JSON.parse(sceneJson(scene)).boxes.length).toBe(scene.boxes.length);
  });
});

describe('llmtree render', () => {
  const run = (...args: string[]) => renderInProcess(MINI, ...args);
  const dir = mkdtempSync(join(tmpdir(), 'llmtree-render-'));

  it('writes svg, png, pdf and json by extension', async () => {
    for (const ext of ['svg', 'png', 'pdf', 'json']) {
      const f = join(dir, `tree.${ext}`);
      await run('-o', f, '--highlight', 'gpt-2', '--theme', 'dark');
      expect(readFileSync(f).length).toBeGreaterThan(500);
    }
    expect(readFileSync(join(dir, 'tree.svg'), 'utf8')).toMatch(/^<svg /);
  });

  it('applies filters and options', async () => {
    const f = join(dir, 'dec.json');
    await run('-o', f, '--family', 'decoder-only', '--lang', 'zh', '--from', '2019', '--time-scale', 'linear');
    const scene = JSON.parse(readFileSync(f, 'utf8'));
    expect(scene.boxes.every((b: { family: string }) => b.family === 'decoder-only')).toBe(true);
    expect(scene.lang).toBe('zh');
  });

  it('writes an animated GIF that grows the tree year by year', async () => {
    const f = join(dir, 'grow.gif');
    await run('-o', f, '--step', 'year', '--fps', '2', '--width', '400');
    const b = readFileSync(f);
    expect(b.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(b.readUInt16LE(6)).toBe(400);
    expect(b[b.length - 1]).toBe(0x3b);
  });

  it('rejects bad flags with a UsageError and leaves no file', async () => {
    const f = join(dir, 'bad.svg');
    await expect(run('-o', f, '--theme', 'neon')).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', f, '--time-scale', 'log')).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', f, '--highlight', 'gpt-9000')).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', f, '--width', '-3')).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', join(dir, 'tree.bmp'))).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', f, '--aspect', '5:1')).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', join(dir, 'tree.gif'), '--step', 'month')).rejects.toBeInstanceOf(UsageError);
    await expect(run('-o', f, '--family', 'nope')).rejects.toBeInstanceOf(UsageError);
    // A binary format with no file to write it to.
    for (const format of ['png', 'pdf', 'gif']) await expect(run('--format', format)).rejects.toThrow(/writes a binary file: give it with -o/);
    expect(existsSync(f)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
