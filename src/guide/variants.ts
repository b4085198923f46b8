/**
 * The sizes and variants of a model as the guide sees them: every fact the constraints need, inherited
 * from the entry where the variant does not say otherwise.
 */
import type { Model, Weights } from '../catalog/core.js';

export type Modality = 'text' | 'code' | 'vision-language' | 'speech' | 'omni';

export interface GuideVariant {
  /** The variant's label ("72B", "Llama-8B"); undefined for an entry with no listed sizes. */
  label?: string;
  total?: number;
  active?: number;
  license?: string;
  context?: number;
  modality: Modality;
  released: string;
  weights: Weights;
}

const CODE_NAME = /(^|[^a-z])(code|coder|codex|starcoder|codestral|devstral)/i;

/** Every variant of a model, fully inherited. An entry with no sizes is one variant. */
export function variantsOf(m: Model): GuideVariant[] {
  const modality: Modality = m.tags.includes('code') && CODE_NAME.test(m.name) ? 'code' : 'text';
  const base = { license: m.license, context: m.context, modality, released: m.released, weights: m.weights };
  if (!m.parameters.length) return [{ ...base }];
  return m.parameters.map((p) => ({ ...base, label: p.label, total: p.total, active: p.active }));
}
