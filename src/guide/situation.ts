/** The user's situation (flags such as --labels, --ood, --latency), as answers to the decision flow's questions. */
import type { TaskGuide } from '../catalog/guide-schema.js';
import { msg, type Lang } from './messages.js';

export const DOMAINS = ['biomedical', 'legal', 'finance', 'science', 'code'] as const;
export type Domain = (typeof DOMAINS)[number];

export const PAIRS = ['rich', 'low', 'extremely-low'] as const;
export type PairResource = (typeof PAIRS)[number];

export interface Situation {
  /** Labelled examples: none, a few (zero/few-shot), or how many. */
  labels?: 'none' | 'few' | number;
  /** Test data differs from what is labelled (domain shift, adversarial input). */
  ood?: boolean;
  /** The task needs world knowledge beyond what the input says. */
  needsKnowledge?: boolean;
  /** Retrieved documents put the needed knowledge into the context. */
  retrieval?: boolean;
  /** How many different tasks one deployment must serve. */
  tasks?: number;
  /** Latency budget per request, in milliseconds. */
  latency?: number;
  /** The task needs knowledge that contradicts the real world (counterfactual settings). */
  counterfactual?: boolean;
  domain?: Domain;
  /** Translation: how well resourced the language pair is; inferred from the target language when not given. */
  pair?: PairResource;
  /** Target language (ISO 639), shared with the language constraint. */
  language?: string;
}

/** Below this many labelled examples the flow counts the data as "just a few" (zero/few-shot territory). */
export const FEW_LABELS = 1000;

/** At or under this many milliseconds per request, latency is strict (Remark 8). */
export const STRICT_LATENCY_MS = 100;

/**
 * Languages with abundant parallel data (the WMT news translation languages, plus the UN languages):
 * pairs between them and English are rich-resource. Any other language counts as low-resource.
 */
export const RICH_LANGUAGES: ReadonlySet<string> = new Set([
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'zh', 'ja', 'ko', 'ar', 'cs', 'pl', 'tr', 'fi', 'ro', 'et', 'lv', 'lt', 'uk',
]);

function labelsAreFew(l: Situation['labels']): boolean | undefined {
  if (l === undefined) return undefined;
  if (l === 'none' || l === 'few') return true;
  return l < FEW_LABELS;
}

/** The user's answers, by flow question id. Questions the user said nothing about are left to the task. */
export function situationAnswers(task: TaskGuide, s: Situation): Record<string, boolean> {
  const a: Record<string, boolean> = {};
  const few = labelsAreFew(s.labels);
  if (few !== undefined) a['few-labels'] = few;
  if (s.ood !== undefined) a.ood = s.ood;
  if (s.needsKnowledge !== undefined) a.knowledge = s.needsKnowledge;
  if (s.retrieval !== undefined) {
    a['context-knowledge'] = s.retrieval;
    if (s.retrieval && s.needsKnowledge === undefined) a.knowledge = true;
  }
  if (s.tasks !== undefined) a['multi-task'] = s.tasks >= 2;
  if (s.counterfactual !== undefined) a.counterfactual = s.counterfactual;
  if (s.latency !== undefined) a.efficiency = s.latency <= STRICT_LATENCY_MS && few === false;
  const pair = s.pair ?? (s.language ? (RICH_LANGUAGES.has(s.language) ? 'rich' : 'low') : undefined);
  if (pair && task.id === 'translation') a['translation-pair'] = pair !== 'low';
  return a;
}

/** Remark 1(3): prefer models pre-trained on data like the task's. */
export function domainNote(d: Domain | undefined, lang: Lang): string | undefined {
  return d ? msg('domainNote', lang, { domain: d }) : undefined;
}

/** Tag points a domain adds to the ranking. */
export function domainTags(d: Domain | undefined): Record<string, number> {
  if (d === 'biomedical') return { biomedical: 25 };
  if (d === 'science') return { scientific: 20 };
  if (d === 'code') return { code: 10 };
  return {};
}
