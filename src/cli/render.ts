/** `llmtree render`: draw the evolutionary tree as SVG, PNG, PDF or the scene as JSON. */
import type { Command } from 'commander';
import { readFileSync, realpathSync, existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { extname } from 'node:path';
import { filterModels, parseDateBound, earliest, latest, type Catalog, type Model } from '../catalog/core.js';
import { layoutTree, layoutMetrics, growthFrames, STEPS, TIME_SCALES, THEMES, LANGS, type LayoutOptions, type Scene } from '../layout/index.js';
import { renderSvg } from '../render/svg.js';
import { sceneJson } from '../render/json.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filters.js';
import { iconFile } from '../catalog/icon-file.js';
import { catalogDir, loadOrExit, findModel, CLI_ENTRIES } from './context.js';
import { UsageError } from './errors.js';
import { checkOutput, writeOutput, STDOUT } from './output.js';
import { numberFlag, optionalNumber } from './numbers.js';
import { checkDateSpan, pixelBudgetMessage, WIDTH_RANGE, SCALE_RANGE, FPS_RANGE } from './limits.js';

const FORMATS = ['svg', 'png', 'pdf', 'json', 'gif', 'apng'] as const;
/** Animations: the tree growing period by period. */
const ANIMATED: readonly Format[] = ['gif', 'apng'];
const ASPECTS: Record<string, number | undefined> = { '16:9': 16 / 9, '4:3': 4 / 3, '3:2': 3 / 2, 'a3': 420 / 297, auto: undefined };
type Format = (typeof FORMATS)[number];

interface RenderFlags extends FilterOptions {
  output?: string;
  format?: string;
  catalog?: string;
  from?: string;
  to?: string;
  timeScale?: string;
  theme?: string;
  lang?: string;
  highlight?: string;
  title?: string;
  width?: string;
  scale?: string;
  top?: string;
  all?: boolean;
  aspect?: string;
  metrics?: boolean;
  step?: string;
  fps?: string;
}

export function registerRender(program: Command): void {
  const cmd = program
    .command('render')
    .description('draw the LLM evolutionary tree (format from the -o extension: .svg, .png, .pdf, .json; animated: .gif, .apng)')
    .option('-o, --output <file>', 'output file: tree.svg, tree.png, tree.pdf, tree.json, or an animation: tree.gif, tree.apng')
    .option('--format <format>', `output format, overriding the extension: ${FORMATS.join(', ')} (json without -o prints the scene)`)
    .option('--catalog <dir>', 'catalog folder (default: ./catalog, else the bundled one)')
    .option('--from <date>', 'first date on the time axis (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'last date on the time axis')
    .option('--time-scale <kind>', `year heights: ${TIME_SCALES.join(' (busy years taller) or ')}`, 'density')
    .option('--theme <theme>', `colours: ${THEMES.join(', ')}`, 'light')
    .option('--lang <lang>', `language of the figure's own words: ${LANGS.join(', ')}`, 'en')
    .option('--highlight <model>', "make a model's lineage stand out and fade the rest")
    .option('--title <text>', 'figure title')
    .option('--width <px>', 'output width in px (SVG/PNG) or pt (PDF)')
    .option('--scale <n>', 'PNG pixel ratio (default 1)')
    .option('--top <n>', 'organisations shown in the bar chart (default 12)')
    .option('--all', 'draw the whole catalog as a poster (default: the landmark models, slide-sized)')
    .option('--aspect <shape>', `page shape: ${Object.keys(ASPECTS).join(', ')} (default 16:9; a3 with --survey, the A3 landscape page it is printed on; auto with --all)`)
    .option('--metrics', 'print the figure\'s legibility metrics (crossings, aspect, label size on A3) to stderr')
    .option('--step <period>', 'animation (.gif, .apng): one frame per year or quarter', 'quarter')
    .option('--fps <n>', 'animation (.gif, .apng): frames per second (default 4)');
  addFilterOptions(cmd);
  cmd.action(async (flags: RenderFlags) => {
    const oneShot = baselineTiersForOneShot(flags);
    await runRender(flags);
    if (oneShot) exitWhenWritten();
  });
}

/**
 * A one-shot `llmtree render -o tree.svg` is done in a few hundred ms, all of it in code run once or a few
 * hundred times. V8 still queues TurboFan compiles of the hot layout functions on a background thread,
 * and the process cannot exit until the compile in flight finishes: on a busy 2-core machine that
 * added about 100–150 ms after the SVG was written, for no gain. So when this module serves the `llmtree`
 * process itself (not a library user or a test) and writes SVG or JSON, optimisation is switched off;
 * the interpreter and baseline compiler run the layout just as fast at this size. PNG and PDF keep it.
 */
function baselineTiersForOneShot(flags: RenderFlags): boolean {
  try {
    if (!process.argv[1]) return false;
    const entry = realpathSync(process.argv[1]);
    if (!CLI_ENTRIES.some((e) => existsSync(e) && realpathSync(e) === entry)) return false;
    const ext = (flags.format ?? extname(flags.output ?? '').slice(1)).toLowerCase();
    if (ext !== 'svg' && ext !== 'json') return false;
    setFlagsFromString('--no-opt');
    return true;
  } catch {
    // not our entry point (or it cannot be resolved): leave V8 as it is
    return false;
  }
}

/**
 * The figure is written: end the process now instead of letting V8 finish the garbage collection it
 * has under way (a full mark of the heap, 5–25 ms) only to throw the heap away. Only once everything
 * written to stdout and stderr has left the process; otherwise it ends as usual.
 */
function exitWhenWritten(): void {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag}: "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

function formatOf(flags: RenderFlags): Format {
  const explicit = oneOf('--format', flags.format, FORMATS);
  // Text goes to stdout when no file is named; a binary format needs -o (`-o -` for stdout).
  if (explicit && !flags.output && explicit !== 'svg' && explicit !== 'json') throw new UsageError(`render: --format ${explicit} writes a binary file: give it with -o (or -o - for stdout)`);
  if (explicit) return explicit;
  if (!flags.output) throw new UsageError('render: give an output file with -o (tree.svg, tree.png, tree.pdf) or --format json');
  if (flags.output === STDOUT) return 'svg';
  const ext = extname(flags.output).slice(1).toLowerCase();
  const f = (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : undefined;
  if (!f) throw new UsageError(`-o: cannot tell the format of "${flags.output}"; use .svg, .png, .pdf, .json, .gif or .apng`);
  return f;
}

/** A longer title would only widen the figure to fit it. */
const MAX_TITLE = 200;

/** Parse and check every flag before any work, so bad input never leaves a file behind. */
export function renderOptions(flags: RenderFlags, catalog: Catalog): LayoutOptions {
  for (const k of ['from', 'to'] as const) {
    const v = flags[k];
    if (v !== undefined && !parseDateBound(v)) throw new UsageError(`--${k}: "${v}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (flags.from && flags.to && earliest(flags.from) > latest(flags.to)) throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`);
  checkDateSpan(flags, catalog);
  if (flags.title !== undefined && [...flags.title].length > MAX_TITLE)
    throw new UsageError(`--title: ${[...flags.title].length} characters; a title may have at most ${MAX_TITLE}`);
  const shape = oneOf('--aspect', flags.aspect, Object.keys(ASPECTS)) ?? (flags.all ? 'auto' : flags.survey !== undefined && flags.survey !== false ? 'a3' : '16:9');
  return {
    aspect: ASPECTS[shape],
    timeScale: oneOf('--time-scale', flags.timeScale, TIME_SCALES),
    theme: oneOf('--theme', flags.theme, THEMES),
    lang: oneOf('--lang', flags.lang, LANGS),
    from: flags.from,
    to: flags.to,
    title: flags.title,
    highlight: flags.highlight !== undefined ? findModel(catalog, flags.highlight).id : undefined,
    chartTop: flags.top !== undefined ? numberFlag('--top', flags.top, { min: 1, whole: true }) : undefined,
  };
}

function printMetrics(scene: Scene): void {
  const m = layoutMetrics(scene);
  process.stderr.write(Object.entries(m).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
}

/** An animation's first frame and every later frame's changed regions are held in memory: frames stay at most this wide. */
const MAX_ANIMATION_WIDTH = 4096;

async function writeAnimation(format: Format, flags: RenderFlags, catalog: Catalog, models: Model[], options: LayoutOptions, width: number | undefined, dir: string): Promise<void> {
  const name = format === 'gif' ? 'a GIF' : 'an APNG';
  if (width !== undefined && width > MAX_ANIMATION_WIDTH) throw new UsageError(`--width: ${name} is at most ${MAX_ANIMATION_WIDTH} px wide (the frames are held in memory); got ${width}`);
  if (flags.scale !== undefined) throw new UsageError(`--scale: not for ${name}; give its width in px with --width (default 1024)`);
  const step = oneOf('--step', flags.step, STEPS) ?? 'quarter';
  const fps = optionalNumber('--fps', flags.fps, FPS_RANGE);
  const frames = growthFrames(catalog, models, options, step);
  const last = frames[frames.length - 1].scene;
  if (flags.metrics) printMetrics(last);
  const o = { fps, width, icons: readIcons(catalog, last) };
  const scenes = frames.map((f) => f.scene);
  const data = format === 'gif' ? (await import('../render/gif.js')).scenesToGif(scenes, o) : (await import('../render/apng.js')).scenesToApng(scenes, o);
  writeOutput(flags.output ?? STDOUT, data, dir);
}

/** Icon files named by the drawn organisations, read once each; a missing file falls back to the badge. */
export function readIcons(catalog: Catalog, scene: Scene): Map<string, string> {
  const paths = new Set<string>();
  for (const b of scene.boxes) for (const m of b.marks) if (m.icon) paths.add(m.icon);
  for (const b of scene.chart?.bars ?? []) if (b.mark.icon) paths.add(b.mark.icon);
  const icons = new Map<string, string>();
  for (const p of [...paths].sort()) {
    // Icons live inside the catalog folder, links resolved; anything else draws the badge instead.
    const { file } = iconFile(catalog.dir, p);
    if (!file) continue;
    try {
      icons.set(p, readFileSync(file, 'utf8'));
    } catch {
      // unreadable icon: the renderer draws the badge instead
    }
  }
  return icons;
}

export async function runRender(flags: RenderFlags): Promise<void> {
  const format = formatOf(flags);
  const width = optionalNumber('--width', flags.width, WIDTH_RANGE);
  const scale = optionalNumber('--scale', flags.scale, SCALE_RANGE);
  const dir = catalogDir(flags.catalog);
  if (flags.output) checkOutput(flags.output, dir);
  const catalog = await loadOrExit(dir);
  const filter = filterFromOptions(flags, catalog);
  // The default figure draws the landmarks; a catalog without any draws everything.
  if (!flags.all && catalog.models.some((m) => m.landmark === true)) filter.landmark = true;
  const options = renderOptions(flags, catalog);
  const models = filterModels(catalog, filter);
  if (ANIMATED.includes(format)) return writeAnimation(format, flags, catalog, models, options, width, dir);
  for (const k of ['step', 'fps'] as const) if (flags[k] !== undefined && flags[k] !== (k === 'step' ? 'quarter' : undefined)) throw new UsageError(`--${k}: only for an animation (-o tree.gif or tree.apng)`);
  const scene = layoutTree(catalog, models, options);
  if (flags.metrics) printMetrics(scene);
  if (format === 'json') {
    const text = sceneJson(scene);
    if (flags.output) writeOutput(flags.output, text, dir);
    else process.stdout.write(text);
    return;
  }
  const svg = renderSvg(scene, { icons: readIcons(catalog, scene), width: format === 'svg' ? width : undefined });
  let data: string | Buffer = svg;
  if (format === 'png') {
    const { svgToPng, pngSize, PixelBudgetError, MAX_PNG_PIXELS } = await import('../render/png.js');
    // Asked for no size: a figure over the pixel budget (the whole catalog as a poster) is drawn at the
    // largest scale within it, and says so; an explicit --width or --scale over the budget is refused.
    let fit = scale;
    if (width === undefined && scale === undefined) {
      const full = pngSize(svg);
      if (full.width * full.height > MAX_PNG_PIXELS) {
        fit = Math.floor(Math.sqrt(MAX_PNG_PIXELS / (full.width * full.height)) * 1000) / 1000;
        process.stderr.write(`llmtree: the figure is ${full.width}×${full.height} px; drawing the PNG at --scale ${fit} to stay within ${MAX_PNG_PIXELS / 1e6} megapixels (write SVG or PDF for full size)\n`);
      }
    }
    try {
      data = svgToPng(svg, { width, scale: fit });
    } catch (e) {
      throw e instanceof PixelBudgetError ? new UsageError(pixelBudgetMessage(e.message)) : e;
    }
  } else if (format === 'pdf') {
    const { svgToPdf } = await import('../render/pdf.js');
    data = await svgToPdf(svg, { width });
  }
  writeOutput(flags.output ?? STDOUT, data, dir);
}
