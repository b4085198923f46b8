/** The guide's vocabulary, free of the schema library so that the guide command starts quickly. */
export const GUIDE_LANGS = ['en', 'zh'] as const;
export type GuideLang = (typeof GUIDE_LANGS)[number];

/** Spelling-insensitive key of a task name or alias ("Named-entity recognition" = "named entity recognition"). */
export function taskKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '');
}
