/** The user's hard constraints, and which of them a model fails. */
import { commercialUse, earliest, latest, formatCount, type Catalog, type Model, type ParameterSize } from '../catalog/core.js';
import { inferenceBytes, formatBytes, PRECISIONS, type Precision } from './memory.js';
import { msg, type Lang } from './messages.js';

export const CONSTRAINTS = ['commercial', 'open-weights', 'max-params', 'min-context', 'since', 'gpu-memory'] as const;
export type ConstraintId = (typeof CONSTRAINTS)[number];

export interface GuideConstraints {
  /** The licence must allow commercial use: true accepts "yes" and "conditional"; "unconditional" accepts "yes" only. */
  commercial?: boolean | 'unconditional';
  /** Weights must be open (downloadable under a licence); restricted and closed fail. */
  openWeights?: boolean;
  /** Some published size has at most this many (total) parameters. */
  maxParams?: number;
  /** Published context window of at least this many tokens. */
  minContext?: number;
  /** Released on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  /** GPU memory in bytes; some size must fit by the memory rule (see memory.ts). */
  gpuMemory?: number;
  /** Precision for the memory estimate; default fp16. */
  precision?: Precision;
}

export interface Failure {
  constraint: ConstraintId;
  message: string;
}

export interface ConstraintCheck {
  failures: Failure[];
  /** Published sizes that satisfy max-params and gpu-memory together (all sizes when neither is set). */
  sizes: ParameterSize[];
}

export function activeConstraints(c: GuideConstraints): ConstraintId[] {
  const on: Record<ConstraintId, boolean> = {
    commercial: !!c.commercial,
    'open-weights': !!c.openWeights,
    'max-params': c.maxParams !== undefined,
    'min-context': c.minContext !== undefined,
    since: c.since !== undefined,
    'gpu-memory': c.gpuMemory !== undefined,
  };
  return CONSTRAINTS.filter((k) => on[k]);
}

/** Every constraint the model fails, each with a sentence saying why. */
export function checkConstraints(catalog: Catalog, m: Model, c: GuideConstraints, lang: Lang = 'en'): ConstraintCheck {
  const failures: Failure[] = [];
  const fail = (constraint: ConstraintId, message: string) => failures.push({ constraint, message });
  const precision = c.precision ?? 'fp16';

  if (c.commercial) {
    const use = commercialUse(catalog, m);
    const lic = m.license ?? '';
    if (!m.license) fail('commercial', msg('commercialNoLicence', lang));
    else if (!use) fail('commercial', msg('commercialUnknown', lang, { lic }));
    else if (use === 'no') fail('commercial', msg('commercialNo', lang, { lic }));
    else if (use === 'conditional' && c.commercial === 'unconditional')
      fail('commercial', msg('commercialConditional', lang, { lic, cond: catalog.licenses.get(lic)?.condition ?? '' }));
  }
  if (c.openWeights && m.weights !== 'open') fail('open-weights', msg(m.weights === 'closed' ? 'weightsClosed' : 'weightsRestricted', lang));
  if (c.since !== undefined && latest(m.released) < earliest(c.since)) fail('since', msg('tooOld', lang, { date: m.released, since: c.since }));
  if (c.minContext !== undefined) {
    if (m.context === undefined) fail('min-context', msg('noContext', lang));
    else if (m.context < c.minContext) fail('min-context', msg('shortContext', lang, { ctx: m.context, min: c.minContext }));
  }

  let sizes = m.parameters;
  if (c.maxParams !== undefined) {
    if (!sizes.length) fail('max-params', msg('noParams', lang));
    else {
      const ok = sizes.filter((p) => p.total <= c.maxParams!);
      if (!ok.length) fail('max-params', msg('tooLarge', lang, { size: formatCount(smallest(sizes).total), max: formatCount(c.maxParams) }));
      else sizes = ok;
    }
  }
  if (c.gpuMemory !== undefined) {
    const gpu = formatBytes(c.gpuMemory);
    if (m.weights === 'closed') fail('gpu-memory', msg('closedGpu', lang));
    else if (!m.parameters.length) fail('gpu-memory', msg('noParams', lang));
    else {
      const ok = sizes.filter((p) => inferenceBytes(p.total, precision) <= c.gpuMemory!);
      if (!ok.length) {
        const s = smallest(sizes);
        let text = msg('noFit', lang, { size: formatCount(s.total), need: formatBytes(inferenceBytes(s.total, precision)), prec: precision, gpu });
        const lower = PRECISIONS.slice(PRECISIONS.indexOf(precision) + 1).find((p) => inferenceBytes(s.total, p) <= c.gpuMemory!);
        if (lower) text += msg('noFitHint', lang, { prec: lower, need: formatBytes(inferenceBytes(s.total, lower)) });
        fail('gpu-memory', text);
      } else sizes = ok;
    }
  }
  return { failures, sizes: failures.some((f) => f.constraint === 'max-params' || f.constraint === 'gpu-memory') ? [] : sizes };
}

function smallest(sizes: ParameterSize[]): ParameterSize {
  return sizes.reduce((a, b) => (b.total < a.total ? b : a));
}
