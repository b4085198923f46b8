/**
 * The user's hard constraints, checked per variant: a model passes when one of its variants satisfies
 * every constraint at once; the answer then names that variant.
 */
import { earliest, latest, formatCount, licenseCommercial, type Catalog, type Model, type Commercial } from '../catalog/core.js';
import type { Evidence } from '../catalog/guide-schema.js';
import { estimateMemory, fits, formatBytes, usableMemory, type Precision, type FinetuneMethod, type MemoryEstimate } from './memory.js';
import { blendedPrice, evidenceOf, type EvidenceIndex } from './evidence.js';
import { variantsOf, servesAny, type GuideVariant, type Modality } from './variants.js';
import { msg, type Lang } from './messages.js';

export const CONSTRAINTS = [
  'commercial', 'open-weights', 'deploy', 'language', 'max-params', 'min-context', 'since', 'budget', 'gpu-memory',
] as const;
export type ConstraintId = (typeof CONSTRAINTS)[number];

export type Deploy = 'api' | 'self-host' | 'any';
export const DEPLOYS: readonly Deploy[] = ['api', 'self-host', 'any'];

export interface GuideConstraints {
  /** Commercial-use answers the licence may give; `true` means yes or conditional, "unconditional" means yes only. */
  commercial?: boolean | 'unconditional' | Commercial[];
  /** Weights must be open (downloadable under a licence); restricted and closed fail. */
  openWeights?: boolean;
  /** api: hosted models (closed, or with a published API price); self-host: downloadable weights. */
  deploy?: Deploy;
  /** Modalities a variant may have; default: the task's (text tasks never get vision-language or code-only variants). */
  modality?: Modality[];
  /** ISO 639 code of a language the model must support ("de", "zh"). English is assumed for every text model. */
  language?: string;
  /** Some variant has at most this many (total) parameters. */
  maxParams?: number;
  /** Context window of at least this many tokens. */
  minContext?: number;
  /** Released on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  /** Highest blended API price in USD per million tokens (3:1 input:output); self-hosted models have none. */
  budget?: number;
  /** GPU memory per GPU in bytes; some variant must fit with headroom (see memory.ts). */
  gpuMemory?: number;
  /** Precision to run at; default: the precision the weights are published in (bf16 when not recorded). */
  precision?: Precision;
  gpus?: number;
  /** Tokens of context to hold in the KV cache; default min(--min-context or 8192, the variant's context). */
  context?: number;
  batch?: number;
  finetune?: FinetuneMethod;
}

/** The commercial-use answers a constraint accepts, in the list command's terms. */
export function commercialSet(c: GuideConstraints['commercial']): Commercial[] | undefined {
  if (!c) return undefined;
  if (c === true) return ['yes', 'conditional'];
  if (c === 'unconditional') return ['yes'];
  return c;
}

export interface Failure {
  constraint: ConstraintId;
  message: string;
}

export interface VariantFit {
  variant: GuideVariant;
  precision: Precision;
  memory?: MemoryEstimate;
  price?: { input: number; output: number; blended: number; date: string; source: string };
}

export interface ConstraintCheck {
  failures: Failure[];
  /** Variants that satisfy every constraint, with their memory estimate when GPU memory was given. */
  fits: VariantFit[];
}

export const DEFAULT_KV_CONTEXT = 8192;

export function activeConstraints(c: GuideConstraints): ConstraintId[] {
  const on: Record<ConstraintId, boolean> = {
    commercial: !!commercialSet(c.commercial),
    'open-weights': !!c.openWeights,
    deploy: !!c.deploy && c.deploy !== 'any',
    language: !!c.language,
    'max-params': c.maxParams !== undefined,
    'min-context': c.minContext !== undefined,
    since: c.since !== undefined,
    budget: c.budget !== undefined,
    'gpu-memory': c.gpuMemory !== undefined,
  };
  return CONSTRAINTS.filter((k) => on[k]);
}

interface Ctx {
  catalog: Catalog;
  m: Model;
  c: GuideConstraints;
  lang: Lang;
  ev: EvidenceIndex;
}

type Check = (v: VariantFit, x: Ctx) => string | undefined;

/** Per constraint: undefined when the variant passes, else why it fails. */
const CHECKS: Record<ConstraintId, Check> = {
  commercial: ({ variant: v }, { catalog, c, lang }) => {
    const ok = commercialSet(c.commercial)!;
    if (!v.license) return msg('commercialNoLicence', lang);
    const use = licenseCommercial(catalog, v.license);
    if (!use) return msg('commercialUnknown', lang, { lic: v.license });
    if (ok.includes(use)) return undefined;
    if (use === 'no') return msg('commercialNo', lang, { lic: v.license });
    if (use === 'conditional') return msg('commercialConditional', lang, { lic: v.license, cond: catalog.licenses.get(v.license)?.condition ?? '' });
    return msg('commercialOther', lang, { lic: v.license, use });
  },
  'open-weights': ({ variant: v }, { lang }) => (v.weights === 'open' ? undefined : msg(v.weights === 'closed' ? 'weightsClosed' : 'weightsRestricted', lang)),
  deploy: (f, { c, lang }) => {
    if (c.deploy === 'self-host') return f.variant.weights === 'closed' ? msg('notSelfHost', lang) : undefined;
    return f.variant.weights === 'closed' || f.price ? undefined : msg('notHosted', lang);
  },
  language: (_, { m, c, ev, lang }) => {
    const code = c.language!;
    const langs = evidenceOf(ev, m.id).languages;
    if (langs) return langs.includes(code) ? undefined : msg('languageMissing', lang, { code, langs: langs.join(', ') });
    if (code === 'en') return undefined;
    return m.tags.includes('multilingual') ? undefined : msg('languageUnknown', lang, { code });
  },
  'max-params': ({ variant: v }, { c, lang }) => {
    if (v.total === undefined) return msg('noParams', lang);
    return v.total <= c.maxParams! ? undefined : msg('tooLarge', lang, { size: formatCount(v.total), max: formatCount(c.maxParams!) });
  },
  'min-context': ({ variant: v }, { c, lang }) => {
    if (v.context === undefined) return msg('noContext', lang);
    return v.context >= c.minContext! ? undefined : msg('shortContext', lang, { ctx: v.context, min: c.minContext! });
  },
  since: ({ variant: v }, { c, lang }) => (latest(v.released) >= earliest(c.since!) ? undefined : msg('tooOld', lang, { date: v.released, since: c.since! })),
  budget: (f, { c, lang }) => {
    if (!f.price) return f.variant.weights === 'closed' ? msg('noPrice', lang) : undefined;
    return f.price.blended <= c.budget! ? undefined : msg('overBudget', lang, { price: f.price.blended.toFixed(2), budget: c.budget! });
  },
  'gpu-memory': (f, { c, lang }) => {
    if (f.variant.weights === 'closed') return msg('closedGpu', lang);
    if (!f.memory) return msg('noParams', lang);
    if (fits(f.memory, c.gpuMemory!, c.gpus ?? 1)) return undefined;
    return msg('noFit', lang, {
      size: formatCount(f.variant.total!),
      need: formatBytes(f.memory.total),
      prec: c.finetune ? c.finetune : f.precision,
      gpu: formatBytes(usableMemory(c.gpuMemory!, c.gpus ?? 1)),
    });
  },
};

/** The facts a variant brings to the checks: its precision, memory estimate and price. */
export function prepareVariant(m: Model, v: GuideVariant, c: GuideConstraints, ev: EvidenceIndex, lang: Lang = 'en'): VariantFit {
  const e: Partial<Evidence> = evidenceOf(ev, m.id, v.label);
  const published: Precision = e.precision ?? 'bf16';
  const precision = c.precision ?? published;
  const fit: VariantFit = { variant: v, precision };
  if (e.price) fit.price = { ...e.price, blended: blendedPrice(e.price) };
  if (c.gpuMemory !== undefined && v.total !== undefined && v.weights !== 'closed') {
    const want = c.context ?? Math.min(c.minContext ?? DEFAULT_KV_CONTEXT, v.context ?? DEFAULT_KV_CONTEXT);
    fit.memory = estimateMemory({
      params: v.total,
      precision,
      arch: e.attention,
      context: want,
      batch: c.batch ?? 1,
      gpus: c.gpus ?? 1,
      finetune: c.finetune,
      lang,
    });
  }
  return fit;
}

/**
 * Every constraint the model fails, each with a sentence saying why, and the variants that pass them all.
 * Constraints are applied in order to the variants still standing, so a failure names the first
 * constraint that no remaining variant can meet.
 */
export function checkConstraints(catalog: Catalog, m: Model, c: GuideConstraints, lang: Lang, ev: EvidenceIndex, allowed: Modality[]): ConstraintCheck {
  const x: Ctx = { catalog, m, c, lang, ev };
  // Variants of another modality (a vision-language size for a text task) never stand for the model.
  let standing = variantsOf(m)
    .filter((v) => servesAny(v, allowed))
    .map((v) => prepareVariant(m, v, c, ev, lang));
  const failures: Failure[] = [];
  for (const id of activeConstraints(c)) {
    const verdicts = standing.map((f) => CHECKS[id](f, x));
    const pass = standing.filter((_, i) => verdicts[i] === undefined);
    if (pass.length) standing = pass;
    else failures.push({ constraint: id, message: verdicts[0]! });
  }
  return { failures, fits: failures.length ? [] : standing };
}

