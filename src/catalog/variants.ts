/**
 * Sizes and variants of an entry, with every fact inherited from the entry when the variant does not
 * give it. Pure and free of the schema library: the query path, the guide and the figure use it.
 */
import type { Model, Modality, ParameterSize, Weights } from './schema.js';

/** One variant with every field filled in. */
export interface ResolvedVariant {
  /** The variant's label; for an entry without variants, the entry's name. */
  label: string;
  /** True for the one variant made up for an entry that lists none. */
  implicit: boolean;
  /** Its sizes: one for an explicit variant with a count, the entry's `parameters` for the implicit one, else none. */
  parameters: ParameterSize[];
  license?: string;
  context?: number;
  modality: Modality;
  released: string;
  weights: Weights;
  /** The entry parent this variant was trained from, when the variant says. */
  base?: string;
  hf: string[];
  notes?: string;
}

/**
 * The entry's own modality: given, else `vision-language` for entries tagged multimodal, else `text`.
 * (The `code` tag is not used: many general models are tagged code for their coding skill; code
 * models say `modality: code`.)
 */
export function entryModality(m: Model): Modality {
  if (m.modality) return m.modality;
  if (m.tags.includes('multimodal')) return 'vision-language';
  return 'text';
}

/** Every variant of the entry, fully inherited; an entry without variants yields one implicit variant. */
export function resolveVariants(m: Model): ResolvedVariant[] {
  const inherited = {
    license: m.license,
    context: m.context,
    modality: entryModality(m),
    released: m.released,
    weights: m.weights,
  };
  const variants = m.variants ?? [];
  if (!variants.length) return [{ label: m.name, implicit: true, parameters: m.parameters, hf: m.hf, ...inherited }];
  return variants.map((v) => ({
    label: v.label,
    implicit: false,
    parameters: v.total === undefined ? [] : [{ total: v.total, label: v.label, ...(v.active === undefined ? {} : { active: v.active }) }],
    license: v.license ?? inherited.license,
    context: v.context ?? inherited.context,
    modality: v.modality ?? inherited.modality,
    released: v.released ?? inherited.released,
    weights: v.weights ?? inherited.weights,
    hf: v.hf ?? [],
    ...(v.base === undefined ? {} : { base: v.base }),
    ...(v.notes === undefined ? {} : { notes: v.notes }),
  }));
}

/** The entry's sizes: its variants' counts when it lists variants, else its `parameters`. */
export function sizesOf(m: Model): ParameterSize[] {
  return m.variants?.length ? resolveVariants(m).flatMap((v) => v.parameters) : m.parameters;
}

/** The labels by which a variant can be named (guide.yaml evidence): explicit variants' labels, else the sizes' labels. */
export function variantLabels(m: Model): string[] {
  return resolveVariants(m).flatMap((v) => (v.implicit ? v.parameters.flatMap((p) => (p.label ? [p.label] : [])) : [v.label]));
}
