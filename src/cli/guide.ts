/** `llmtree guide --task T [constraints]`: which family of model suits a task, and which catalog models, ranked. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatIssue, parseCount, parseDateBound, type Catalog, type Issue, type Modality, MODALITIES } from '../catalog/core.js';
import {
  recommendModels,
  formatGuideText,
  parseMemory,
  taskList,
  UnknownTaskError,
  PRECISIONS,
  FINETUNE_METHODS,
  DEPLOYS,
  DOMAINS,
  PAIRS,
  GUIDE_LANGS,
  type Precision,
  type Deploy,
  type Domain,
  type PairResource,
  type FinetuneMethod,

  type GuideLang,
  type GuideRequest,
  type Guide,
} from '../guide/index.js';

import { BUNDLED_CATALOG, catalogDir, loadValid } from './context.js';
import { UsageError } from './errors.js';
import { numberFlag } from './numbers.js';
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
  gpus?: string;
  context?: string;
  batch?: string;
  finetune?: string;
  precision?: string;
  deploy?: string;
  modality?: string;
  language?: string;
  budget?: string;
  labels?: string;
  ood?: boolean;
  needsKnowledge?: boolean;
  retrieval?: boolean;
  tasks?: string;
  latency?: string;
  counterfactual?: boolean;
  domain?: string;
  pair?: string;
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
    .option('--labels <n>', 'labelled examples you have: none, few, or a number (under 1000 counts as few)')
    .option('--ood', 'test data differs from the labelled data (domain shift, adversarial input)')
    .option('--needs-knowledge', 'the task needs world knowledge that the input does not hold')
    .option('--retrieval', 'retrieved documents put the needed knowledge into the context')
    .option('--tasks <n>', 'how many different tasks one deployment serves')
    .option('--latency <ms>', 'latency budget per request in milliseconds (100 or less is strict)')
    .option('--counterfactual', 'the task needs knowledge that contradicts the real world')
    .option('--domain <domain>', `domain of your data: ${DOMAINS.join(', ')}`)
    .option('--pair <resource>', `translation: how well resourced the language pair is: ${PAIRS.join(', ')} (default: from --language)`)
    .option('--commercial [kinds]', 'the licence must allow commercial use: no value = yes or conditional; or yes, no, conditional (comma-separated, as in list), or unconditional')
    .option('--open-weights', 'the weights must be openly downloadable')
    .option('--deploy <where>', `api (hosted models), self-host (downloadable weights) or any`)
    .option('--modality <kinds>', 'modalities a variant may have, comma-separated: text, code, vision-language, speech, omni (default: the task\'s)')
    .option('--language <code>', 'a language the model must support (ISO 639-1 code: de, zh, sw)')
    .option('--budget <usd>', 'highest blended API price in USD per million tokens (3:1 input:output)')
    .option('--max-params <n>', 'some published size has at most this many parameters (7B, 560M, 70e9); MoE counts total')
    .option('--min-context <n>', 'published context window of at least this many tokens (8192, 32K, 128K)')
    .option('--since <year>', 'released in or after this year (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--gpu-memory <size>', 'memory per GPU (24GB, 80GB); inference (or --finetune) must fit with 10% headroom')
    .option('--gpus <n>', 'GPUs to spread the model over (default 1)')
    .option('--precision <p>', `weights precision: ${PRECISIONS.join(', ')} (default: as published, bf16 when not recorded)`)
    .option('--context <tokens>', 'tokens of context held in the KV cache (default: --min-context or 8K)')
    .option('--batch <n>', 'sequences served at once (default 1)')
    .option('--finetune <method>', `memory for fine-tuning instead of inference: ${FINETUNE_METHODS.join(', ')}`)
    .option('--lang <lang>', `answer language: ${GUIDE_LANGS.join(', ')}`, 'en')
    .option('--format <format>', 'text or json', 'text')
    .option('--limit <n>', 'candidates for the primary family (alternatives get half)', '8')
    .option('--explain', 'also list notable models that were excluded and the constraint each failed')
    .option('--catalog <dir>', 'catalog folder')
    .option('--guide <file>', 'knowledge base file (default: guide.yaml in the catalog folder, else the bundled one)')
    .action(async (o: GuideOptions) => {
      const format = outputFormat(o.format, ['text', 'json']);
      const lang = outputFormat<GuideLang>(o.lang, GUIDE_LANGS, '--lang');
      const request = requestFromOptions(o, lang);
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

/** --commercial as in `list` (yes, no, conditional, comma-separated), plus bare (yes or conditional) and "unconditional". */
function commercialOption(v: boolean | string): GuideRequest['commercial'] {
  if (v === true) return true;
  const s = String(v).trim().toLowerCase();
  if (s === 'unconditional') return 'unconditional';
  const kinds = s.split(',').map((x) => x.trim()).filter(Boolean);
  const allowed = ['yes', 'no', 'conditional'] as const;
  for (const k of kinds)
    if (!(allowed as readonly string[]).includes(k))
      throw new UsageError(`--commercial: unknown value "${k}"; expected yes, no, conditional (comma-separated) or unconditional`);
  if (!kinds.length) return true;
  return kinds as ('yes' | 'no' | 'conditional')[];
}

function labelsOption(v: string): 'none' | 'few' | number {
  const s = v.trim().toLowerCase();
  if (s === 'none' || s === '0') return 'none';
  if (s === 'few') return 'few';
  const n = parseCount(s);
  if (n === null || n < 0 || !Number.isInteger(n)) throw new UsageError(`--labels: "${v}" is not none, few or a whole number (e.g. 200, 50K)`);
  return n;
}

const whole = (flag: string, v: string) => numberFlag(flag, v, { min: 1, max: 1e6, whole: true });
const positive = (flag: string, v: string, what: string) => numberFlag(flag, v, { above: 0, what });

function taskLines(guide: Guide): string {
  return taskList(guide).map((k) => `  ${k.id.padEnd(16)} ${k.name}`).join('\n');
}

function requestFromOptions(o: GuideOptions, lang: GuideLang): Partial<GuideRequest> {
  const r: Partial<GuideRequest> = { task: o.task, lang, explain: !!o.explain };
  if (o.precision !== undefined) r.precision = outputFormat<Precision>(o.precision, PRECISIONS, '--precision');
  if (o.commercial !== undefined) r.commercial = commercialOption(o.commercial);
  if (o.openWeights) r.openWeights = true;
  if (o.deploy !== undefined) r.deploy = outputFormat<Deploy>(o.deploy, DEPLOYS, '--deploy');
  if (o.modality !== undefined) r.modality = o.modality.split(',').map((x) => outputFormat<Modality>(x.trim(), MODALITIES, '--modality'));
  if (o.language !== undefined) {
    const code = o.language.trim().toLowerCase();
    if (!/^[a-z]{2,3}$/.test(code)) throw new UsageError(`--language: "${o.language}" is not an ISO 639 language code (use de, zh, sw)`);
    r.language = code;
  }
  if (o.budget !== undefined) r.budget = positive('--budget', o.budget, 'a price in USD per million tokens, e.g. 2.5');
  if (o.labels !== undefined) r.labels = labelsOption(o.labels);
  if (o.ood) r.ood = true;
  if (o.needsKnowledge) r.needsKnowledge = true;
  if (o.retrieval) r.retrieval = true;
  if (o.counterfactual) r.counterfactual = true;
  if (o.tasks !== undefined) r.tasks = whole('--tasks', o.tasks);
  if (o.latency !== undefined) r.latency = positive('--latency', o.latency, 'milliseconds, e.g. 100');
  if (o.domain !== undefined) r.domain = outputFormat<Domain>(o.domain, DOMAINS, '--domain');
  if (o.pair !== undefined) r.pair = outputFormat<PairResource>(o.pair, PAIRS, '--pair');
  if (o.gpus !== undefined) r.gpus = whole('--gpus', o.gpus);
  if (o.batch !== undefined) r.batch = whole('--batch', o.batch);
  if (o.finetune !== undefined) r.finetune = outputFormat<FinetuneMethod>(o.finetune, FINETUNE_METHODS, '--finetune');
  if (o.context !== undefined) {
    const n = parseCount(o.context);
    if (n === null || n <= 0) throw new UsageError(`--context: "${o.context}" is not a token count (use 8192, 32K or 128K)`);
    r.context = n;
  }
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
  r.limit = numberFlag('--limit', o.limit, { min: 1, whole: true });
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
