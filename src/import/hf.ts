/**
 * Hugging Face Hub model metadata, as the Hub API (`/api/models`, `huggingface_hub.ModelInfo`) returns
 * it: `id`, `author`, `createdAt`, `lastModified`, `downloads`, `likes`, `pipeline_tag`,
 * `library_name`, `tags` (`base_model:<id>`, `base_model:<relation>:<id>`, `license:<id>`) and
 * `cardData` (`base_model` as a string or a list, `base_model_relation`, `license`, `license_name`).
 */
import { toDate } from './dates.js';

/**
 * The Hub gives every repo created before it began to store creation dates this same `createdAt`
 * (documented on `huggingface_hub.ModelInfo.created_at`): it is not a release date.
 */
export const HUB_PLACEHOLDER_CREATED = '2022-03-02T23:29:04.000Z';

export const HUB_RELATIONS = ['adapter', 'merge', 'quantized', 'finetune'] as const;
export type HubRelation = (typeof HUB_RELATIONS)[number];

const REPO_ID = /^[\w.-]+\/[\w.-]+$/;

export interface HubRepo {
  id: string;
  author?: string;
  /** Creation date (YYYY-MM-DD), absent when the Hub gives only its placeholder. */
  created?: string;
  placeholderDate: boolean;
  lastModified?: string;
  downloads: number;
  likes: number;
  pipeline?: string;
  library?: string;
  /** The licence as the Hub names it: a Hub licence id, or `license_name` when the licence is `other`. */
  license?: string;
  /** Base repos; two or more make a merge. */
  bases: string[];
  relation?: HubRelation;
  gated: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

/** A Hub record → HubRepo, or the reason it cannot be used. */
export function parseHubRecord(v: unknown): HubRepo | { error: string } {
  if (!isObj(v)) return { error: 'not a JSON object' };
  const id = str(v.id) ?? str(v.modelId);
  if (!id) return { error: 'no "id"' };
  if (!REPO_ID.test(id)) return { error: `"${id.slice(0, 80)}" is not a Hub repo id (owner/name)` };
  const card = isObj(v.cardData) ? v.cardData : {};
  const tags = Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [];
  const created = str(v.createdAt) ?? str(v.created_at);
  const placeholderDate = created === HUB_PLACEHOLDER_CREATED;
  const { bases, relation } = lineage(id, card, tags);
  return {
    id,
    author: str(v.author) ?? id.split('/')[0],
    created: created && !placeholderDate ? toDate(created.slice(0, 10)) : undefined,
    placeholderDate,
    lastModified: toDate((str(v.lastModified) ?? str(v.last_modified) ?? '').slice(0, 10)),
    downloads: num(v.downloads),
    likes: num(v.likes),
    pipeline: str(v.pipeline_tag),
    library: str(v.library_name),
    license: license(card, tags),
    bases,
    relation,
    gated: v.gated === true || v.gated === 'auto' || v.gated === 'manual',
  };
}

function license(card: Obj, tags: string[]): string | undefined {
  const fromCard = Array.isArray(card.license) ? str(card.license[0]) : str(card.license);
  const fromTag = tags.find((t) => t.startsWith('license:'))?.slice('license:'.length);
  const lic = (fromCard ?? fromTag)?.toLowerCase();
  // `license: other` names the real licence in `license_name` (e.g. "llama3", "tongyi-qianwen").
  if (lic === 'other') return str(card.license_name)?.toLowerCase() ?? 'other';
  return lic;
}

function lineage(id: string, card: Obj, tags: string[]): { bases: string[]; relation?: HubRelation } {
  const fromCard = (Array.isArray(card.base_model) ? card.base_model : [card.base_model]).map(str).filter((x): x is string => !!x);
  const tagged: string[] = [];
  let tagRelation: HubRelation | undefined;
  for (const t of tags) {
    if (!t.startsWith('base_model:')) continue;
    const rest = t.slice('base_model:'.length);
    const m = /^(adapter|merge|quantized|finetune):(.+)$/.exec(rest);
    if (m) {
      tagRelation = m[1] as HubRelation;
      tagged.push(m[2]);
    } else tagged.push(rest);
  }
  const bases = [...new Set((fromCard.length ? fromCard : tagged).filter((b) => REPO_ID.test(b) && b !== id))];
  const declared = str(card.base_model_relation);
  let relation = (HUB_RELATIONS as readonly string[]).includes(declared ?? '') ? (declared as HubRelation) : tagRelation;
  if (!relation && bases.length > 1) relation = 'merge';
  if (!relation && bases.length === 1) relation = 'finetune';
  return { bases, relation };
}

/** Family hint from the Hub's pipeline tag. */
export function familyFromPipeline(pipeline?: string): string | undefined {
  if (!pipeline) return undefined;
  if (pipeline === 'fill-mask' || pipeline === 'feature-extraction' || pipeline === 'sentence-similarity') return 'encoder-only';
  if (pipeline === 'text2text-generation' || pipeline === 'translation' || pipeline === 'summarization') return 'encoder-decoder';
  if (pipeline === 'text-generation' || pipeline === 'image-text-to-text') return 'decoder-only';
  return undefined;
}
