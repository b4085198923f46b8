/**
 * The catalog schema: the one source of truth for the on-disk format and the TypeScript types.
 * Files: catalog/models/<id>.yaml (one model each), catalog/organizations.yaml, catalog/licenses.yaml.
 */
import { z } from 'zod';
import { FAMILIES, WEIGHTS, RELATIONS, TAGS, ORG_KINDS, MODALITIES } from './constants.js';

export { FAMILIES, WEIGHTS, RELATIONS, TAGS, ORG_KINDS, MODALITIES, SCHEMA_VERSION } from './constants.js';


/**
 * Text from the catalog reaches terminals, CSV, SVG and PDF. Control characters (which can rewrite a
 * terminal or break a table row) and bidirectional overrides (which make text read differently from
 * how it is stored) are refused. `Line` is one line; `Text` may also hold newlines and tabs.
 */
const BIDI = '\u202A-\u202E\u2066-\u2069';
export const Line = z
  .string()
  .regex(new RegExp(`^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029${BIDI}\\uD800-\\uDFFF]*$`, 'u'), 'must be one line without control characters or bidirectional overrides');
export const Text = z
  .string()
  .regex(new RegExp(`^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${BIDI}\\uD800-\\uDFFF]*$`, 'u'), 'must not contain control characters or bidirectional overrides');
/** A name or alias: one line with at least one visible character (not only spaces, zero-width or format characters). */
export const Name = Line.min(1).regex(/[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}]/u, 'must contain a visible character');

/** Stable slug: lower case letters, digits, dots and hyphens, e.g. `llama-3.1`, `flan-t5`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a slug: lower-case letters, digits, "." and "-"');

export const Family = z.enum(FAMILIES);

export const Weights = z.enum(WEIGHTS);

export const Relation = z.enum(RELATIONS);

export const Tag = z.enum(TAGS);

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. YAML hands us an unquoted bare year (`released: 2023`) as a number:
 * it is read as that year, and load.ts refuses any other spelling of the number (0x7E7, +2023, 2023.0).
 */
export const DateString = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
  z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'must be YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
    .refine(isRealDate, { message: 'is not a real calendar date', abort: true })
    .refine((s) => Number(s.slice(0, 4)) >= 1950, 'must be 1950 or later'),
);

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d < 1 || d > days) return false;
  }
  return y > 0;
}

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** A parameter count: a number (7e9) or a string with a suffix ("7B", "560M", "1.6T"). */
export const ParamCount = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const m = /^\s*(\d+(?:\.\d+)?)\s*([KMBT])?\s*$/i.exec(v);
    if (!m) return v;
    return Number(m[1]) * (m[2] ? SUFFIX[m[2].toUpperCase()] : 1);
  },
  z
    .number({ message: 'must be a number or a count like "7B", "560M", "1.6T"' })
    .positive({ message: 'must be more than 0' })
    .max(1e15, { message: 'must be at most 1000T (1e15)' }),
);

export const ParameterSize = z.strictObject({
  /** Total parameters. */
  total: ParamCount,
  /** Active parameters per token, for mixture-of-experts models: at most the total. */
  active: ParamCount.optional(),
  /** Variant label, e.g. "base", "large", "8x7B". */
  label: Name.optional(),
}).refine((p) => p.active === undefined || p.active <= p.total, { message: 'active parameters exceed the total', path: ['active'] });

export const ParentEdge = z.strictObject({
  model: Id,
  relation: Relation,
  note: Text.optional(),
  /**
   * When the child took this parent on later than its own release (a product moved to a newer model,
   * a model announced before its parent): the date from which the edge holds. docs/variants.md.
   */
  since: DateString.optional(),
});

export const Url = z.url({ message: 'must be an http(s) URL' }).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

export const Modality = z.enum(MODALITIES);

/**
 * A Hugging Face repo id in the Hub's shape: `owner/name`, each part letters, digits, "-", "_" and ".",
 * starting and ending with a letter or digit, no "--" or "..", at most 96 characters.
 */
const HUB_PART = '(?![^/]*(?:--|\\.\\.))[A-Za-z0-9](?:[\\w.-]{0,94}[A-Za-z0-9])?';
export const HfId = z.string().regex(new RegExp(`^${HUB_PART}/${HUB_PART}$`), 'must be a Hugging Face repo id "owner/name"');

/**
 * One size or variant of an entry, with what differs from the entry. `license`, `context`,
 * `modality`, `released` and `weights` inherit from the entry when not given; `total`, `active`
 * and `hf` are the variant's own. Rules: docs/variants.md.
 */
export const Variant = z.strictObject({
  /** How the model card names it: "72B", "Llama-8B", "vision 11B". */
  label: Line.min(1).max(60),
  /** Total parameters. */
  total: ParamCount.optional(),
  /** Active parameters per token, for mixture-of-experts variants. */
  active: ParamCount.optional(),
  license: Id.optional(),
  /** Context window in tokens. */
  context: z.number().int().positive().optional(),
  modality: Modality.optional(),
  /** Only when later than the entry's date. */
  released: DateString.optional(),
  weights: Weights.optional(),
  /** The parent (one of the entry's `parents`) this variant was trained from, when they differ. */
  base: Id.optional(),
  hf: z.array(HfId).optional(),
  /** A short remark, one line. */
  notes: Line.max(200).optional(),
});

/** Model fields that an entry may mark as uncertain. */
export const UNCERTAIN_FIELDS = [
  'name', 'aliases', 'family', 'architecture', 'released', 'organizations', 'weights', 'license',
  'parameters', 'context', 'parents', 'tags', 'data', 'sources', 'paper', 'hf', 'modality', 'variants',
] as const;

export const Model = z.strictObject({
  id: Id,
  name: Name.max(80),
  aliases: z.array(Name).default([]),
  family: Family,
  /** Free-text architecture note, e.g. "hybrid Transformer–Mamba mixture-of-experts". */
  architecture: Text.optional(),
  released: DateString,
  organizations: z.array(Id).min(1, 'needs at least one organization'),
  weights: Weights,
  license: Id.optional(),
  parameters: z.array(ParameterSize).default([]),
  /** Context window in tokens, where published. */
  context: z.number().int().positive().optional(),
  parents: z.array(ParentEdge).default([]),
  tags: z.array(Tag).default([]),
  data: z
    .strictObject({
      description: Text.min(1),
      /** The training data's licence or terms, free text ("mixed web crawl, no single licence"). */
      license: Text.optional(),
    })
    .optional(),
  sources: z.array(Url).min(1, 'needs at least one source URL'),
  paper: Url.optional(),
  hf: z.array(HfId).default([]),
  /** How the figure labels the box: a small prefix line ("Flan") over a short name ("T5"). */
  display: z.strictObject({ prefix: Name.optional(), name: Name.optional() }).optional(),
  /** Membership in the survey's published figure (versions 1, 2, 3) and how it was shown there. */
  survey: z
    .strictObject({
      versions: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).min(1),
      label: Line.optional(),
    })
    .optional(),
  /** A landmark of the field, drawn in the default (slide-size) figure; the rule is docs/landmarks.md. */
  landmark: z.boolean().optional(),
  /** What the model takes in and produces; when absent: `vision-language` for entries tagged multimodal, else `text` (code models say `code`). */
  modality: Modality.optional(),
  /** Sizes or variants that differ in licence, context, modality, date or weights; then `parameters` is derived from them. */
  variants: z.array(Variant).default([]),
  /** Fields whose values are uncertain; `notes` says why. */
  uncertain: z.array(z.enum(UNCERTAIN_FIELDS, { message: `must name a field: ${UNCERTAIN_FIELDS.join(', ')}` })).default([]),
  notes: Text.optional(),
  /**
   * Cross-check findings where the catalog is right and a source is not (`llmtree crosscheck`): a
   * disagreement on `field` with `source` is not reported again. With `says`, only while the source
   * still says that. `field: match` means the source record named in `says` is a different model.
   */
  crosscheck: z
    .array(
      z.strictObject({
        source: z.enum(['hf', 'epoch', 'ecosystem-graphs', 'models-dev']),
        field: z.enum(['released', 'organizations', 'weights', 'parameters', 'license', 'match']),
        says: Line.min(1).optional(),
        reason: Text.min(1),
      }),
    )
    .optional(),
});


export const Organization = z.strictObject({
  id: Id,
  name: Name.max(80),
  kind: z.enum(ORG_KINDS),
  /** ISO 3166-1 alpha-2 country code, or "INT" for international collectives. */
  country: z.string().regex(/^([A-Z]{2}|INT)$/, 'must be an ISO 3166-1 alpha-2 code or INT'),
  website: Url.optional(),
  /** Path, relative to the catalog folder, of an SVG icon of our own making. */
  icon: Line.optional(),
  /** Short badge text for the figure (defaults to initials). */
  badge: Line.max(4).optional(),
  notes: Text.optional(),
});

export const License = z.strictObject({
  id: Id,
  name: Name.max(120),
  url: Url,
  spdx: Line.optional(),
  commercial: z.enum(['yes', 'no', 'conditional']),
  /** The condition on commercial use, required when `commercial` is conditional. */
  condition: Text.optional(),
  restrictions: z.array(Text).default([]),
  notes: Text.optional(),
});

export type Family = z.infer<typeof Family>;
export type Weights = z.infer<typeof Weights>;
export type Relation = z.infer<typeof Relation>;
export type Tag = z.infer<typeof Tag>;
export type ParameterSize = z.infer<typeof ParameterSize>;
export type ParentEdge = z.infer<typeof ParentEdge>;
export type Model = z.infer<typeof Model>;
export type Modality = z.infer<typeof Modality>;
export type Variant = z.infer<typeof Variant>;
export type Organization = z.infer<typeof Organization>;
export type License = z.infer<typeof License>;
