/**
 * The sizes and variants of a model as the guide sees them (from the catalog's resolveVariants): every
 * fact the constraints need, one entry per size, and the kinds of task each variant can serve.
 */
import { resolveVariants, type Model, type Weights, type Modality } from '../catalog/core.js';

export type { Modality };

export interface GuideVariant {
  /** The variant's label ("72B", "Llama-8B"); undefined for an entry with no listed sizes. */
  label?: string;
  total?: number;
  active?: number;
  license?: string;
  context?: number;
  /** The catalog's modality for the variant. */
  modality: Modality;
  /**
   * What it can serve: its modality, plus `text` for a general model whose catalog modality is code or
   * vision-language (a chat model tagged `code`, a natively multimodal model such as Claude or Gemma 3).
   * A specialised checkpoint never serves text tasks: a code model by name (Coder, Codestral), or a
   * vision variant by label (11B Vision, VL-28B) beside text ones.
   */
  serves: Modality[];
  released: string;
  weights: Weights;
}

const CODE_NAME = /(^|[^a-z])(code|coder|codex|starcoder|codestral|devstral|codegen|codet5|santacoder|wizardcoder|polycoder|incoder|codegeex)/i;
const VISION_LABEL = /(^|[^a-z])(vision|vl|visual)([^a-z]|$)/i;
const GENERAL_TAGS = new Set(['chat', 'instruct', 'reasoning', 'dialogue']);

function serves(m: Model, label: string, modality: Modality): Modality[] {
  const general = m.tags.some((t) => GENERAL_TAGS.has(t));
  if (modality === 'code' && general && !CODE_NAME.test(m.name) && !CODE_NAME.test(label)) return ['code', 'text'];
  if (modality === 'vision-language' && !VISION_LABEL.test(label) && !VISION_LABEL.test(m.name)) return ['vision-language', 'text'];
  if (modality === 'omni') return ['omni', 'text'];
  return [modality];
}

/** Variants already worked out, per model object (catalog models are not changed once loaded). */
const known = new WeakMap<Model, readonly GuideVariant[]>();

/**
 * Every size of every variant, fully inherited. An entry with no sizes is one variant without a size.
 * Computed once per model: the task check and the constraint check both ask for them.
 */
export function variantsOf(m: Model): readonly GuideVariant[] {
  let vs = known.get(m);
  if (!vs) known.set(m, (vs = Object.freeze(resolve(m))));
  return vs;
}

function resolve(m: Model): GuideVariant[] {
  return resolveVariants(m).flatMap((v) => {
    const facts = { license: v.license, context: v.context, modality: v.modality, released: v.released, weights: v.weights };
    const label = (p?: { label?: string }) => (v.implicit ? p?.label : v.label);
    if (!v.parameters.length) return [{ ...facts, label: label(), serves: serves(m, v.label, v.modality) }];
    return v.parameters.map((p) => ({
      ...facts,
      label: label(p),
      total: p.total,
      active: p.active,
      serves: serves(m, label(p) ?? v.label, v.modality),
    }));
  });
}

/** Whether a variant can serve any of the allowed modalities. */
export function servesAny(v: GuideVariant, allowed: readonly Modality[]): boolean {
  return v.serves.some((s) => allowed.includes(s));
}
