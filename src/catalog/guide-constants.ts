/** The guide's vocabulary, free of the schema library so that the guide command starts quickly. */
export const GUIDE_LANGS = ['en', 'zh'] as const;
export type GuideLang = (typeof GUIDE_LANGS)[number];

/** Precisions weights are published or run in (guide.yaml `evidence.precision`, `guide --precision`). */
export const PRECISIONS = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'mxfp4', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Spelling-insensitive key of a task name or alias ("Named-entity recognition" = "named entity recognition"). */
export function taskKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '');
}
