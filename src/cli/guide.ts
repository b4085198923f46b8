/** `llmtree guide --task T [constraints]`: which family of model suits a task, and which catalog models, ranked. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatIssue, parseCount, parseDateBound, type Catalog, type Issue } from '../catalog/core.js';
import {
  recommendModels,
  formatGuideText,
  parseMemory,
  taskList,
  UnknownTaskError,
  PRECISIONS,
  GUIDE_LANGS,
  type Precision,
  type GuideLang,
  type GuideRequest,
  type Guide,
} from '../guide/index.js';

import { BUNDLED_CATALOG, catalogDir, loadValid } from './context.js';
import { UsageError } from './errors.js';
import { json } from './format.js';
import { outputFormat } from './options.js';

interface GuideOptions {
  task?: string;
  commercial?: boolean | string;
  openWeights?: boolean;
  maxParams?: string;
  minContext?: string;
  since?: string;
  gpuMemory?: string;
  precision: string;
  lang: string;
  format: string;
  limit: string;
  explain?: boolean;
  catalog?: string;
  guide?: string;
}

export function registerGuide(program: Command): void {
  program
    .command('guide')
    .description('recommend a model family for a task, then rank catalog models that satisfy every constraint')
    .option('--task <task>', 'the task (id, name or alias), e.g. classification, ner, translation, code-generation')
    .option('--commercial [mode]', 'the licence must allow commercial use; "unconditional" also drops conditional licences')
    .option('--open-weights', 'the weights must be openly downloadable')
    .option('--max-params <n>', 'some published size has at most this many parameters (7B, 560M, 70e9); MoE counts total')
    .option('--min-context <n>', 'published context window of at least this many tokens (8192, 32K, 128K)')
    .option('--since <year>', 'released in or after this year (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--gpu-memory <size>', 'inference must fit in this much GPU memory (24GB, 80GB); see --precision')
    .option('--precision <p>', `precision for the memory estimate: ${PRECISIONS.join(', ')}`, 'fp16')
    .option('--lang <lang>', `answer language: ${GUIDE_LANGS.join(', ')}`, 'en')
    .option('--format <format>', 'text or json', 'text')
    .option('--limit <n>', 'candidates for the primary family (alternatives get half)', '8')
    .option('--explain', 'also list notable models that were excluded and the constraint each failed')
    .option('--catalog <dir>', 'catalog folder')
    .option('--guide <file>', 'knowledge base file (default: guide.yaml in the catalog folder, else the bundled one)')
    .action(async (o: GuideOptions) => {
      const format = outputFormat(o.format, ['text', 'json']);
      const lang = outputFormat<GuideLang>(o.lang, GUIDE_LANGS, '--lang');
      const precision = outputFormat<Precision>(o.precision, PRECISIONS, '--precision');
      const request = requestFromOptions(o, lang, precision);
      const { catalog, guide } = await loadForGuide(o);
      if (!request.task) throw new UsageError(`--task is required; known tasks:\n${taskLines(guide)}`);
      let answer;
      try {
        answer = recommendModels(catalog, guide, request as GuideRequest);
      } catch (e) {
        if (e instanceof UnknownTaskError) throw new UsageError(e.message);
        throw e;
      }
      process.stdout.write(format === 'json' ? json(answer) : formatGuideText(answer));
    });
}

function taskLines(guide: Guide): string {
  return taskList(guide).map((k) => `  ${k.id.padEnd(16)} ${k.name}`).join('\n');
}

function requestFromOptions(o: GuideOptions, lang: GuideLang, precision: Precision): Partial<GuideRequest> {
  const r: Partial<GuideRequest> = { task: o.task, lang, precision, explain: !!o.explain };
  if (o.commercial !== undefined) {
    if (o.commercial === true || o.commercial === 'conditional') r.commercial = true;
    else if (o.commercial === 'unconditional') r.commercial = 'unconditional';
    else throw new UsageError(`--commercial: unknown value "${o.commercial}"; expected nothing, "conditional" or "unconditional"`);
  }
  if (o.openWeights) r.openWeights = true;
  if (o.maxParams !== undefined) {
    const n = parseCount(o.maxParams);
    if (n === null || n <= 0) throw new UsageError(`--max-params: "${o.maxParams}" is not a parameter count (use 7B, 560M, 1.5T or 70e9)`);
    r.maxParams = n;
  }
  if (o.minContext !== undefined) {
    const n = parseCount(o.minContext);
    if (n === null || n <= 0) throw new UsageError(`--min-context: "${o.minContext}" is not a token count (use 8192, 32K or 128K)`);
    r.minContext = n;
  }
  if (o.since !== undefined) {
    if (!parseDateBound(o.since)) throw new UsageError(`--since: "${o.since}" is not a year or date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    r.since = o.since;
  }
  if (o.gpuMemory !== undefined) {
    const b = parseMemory(o.gpuMemory);
    if (b === null) throw new UsageError(`--gpu-memory: "${o.gpuMemory}" is not a memory size (use 24GB, 80GB or 16GiB)`);
    r.gpuMemory = b;
  }
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit: "${o.limit}" is not a positive whole number`);
  r.limit = limit;
  return r;
}

/** The catalog, and the knowledge base: --guide, else the catalog's guide.yaml, else the bundled one. */
async function loadForGuide(o: GuideOptions): Promise<{ catalog: Catalog; guide: Guide }> {
  const dir = catalogDir(o.catalog);
  const r = await loadValid(dir);
  if (r.guide && !o.guide) return { catalog: r.catalog, guide: r.guide };
  const file = o.guide ? resolve(o.guide) : join(BUNDLED_CATALOG, 'guide.yaml');
  if (!existsSync(file)) throw new UsageError(`knowledge base not found: ${file}`);
  const { loadGuide } = await import('../catalog/load.js');
  const g = loadGuide(file);
  if (g.issues.length || !g.guide) throw catalogFailure(file, g.issues);
  return { catalog: r.catalog, guide: g.guide };
}

function catalogFailure(where: string, issues: Issue[]): Error {
  const shown = issues.slice(0, 20).map(formatIssue).join('\n');
  const more = issues.length > 20 ? `\n… and ${issues.length - 20} more (run \`llmtree validate\`)` : '';
  return new Error(`${where} has ${issues.length} error(s):\n${shown}${more}`);
}
