/** What every importer produces: source records in one shape, and problems with their place. */

export const SOURCES = ['hf', 'epoch', 'ecosystem-graphs', 'models-dev'] as const;
export type Source = (typeof SOURCES)[number];

/** Openness as the sources can tell it: open weights, restricted/non-commercial open weights, or closed. */
export type Openness = 'open' | 'restricted' | 'closed';

/** One model as a source describes it, normalised to the catalog's vocabulary where that is safe. */
export interface SourceRecord {
  source: Source;
  /** The source's own key: Hub repo id, Epoch model name, asset name, `provider/model`. */
  key: string;
  name: string;
  /** Organisation names as the source spells them. */
  organizations: string[];
  /** The account that published it (Hub author): an organisation for a new entry, when it is one; never compared. */
  owner?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  released?: string;
  weights?: Openness;
  /** Parameter counts the source gives (one per size). */
  parameters?: number[];
  /** Catalog licence id, when the source's licence maps to one. */
  license?: string;
  /** The licence as the source wrote it. */
  licenseText?: string;
  /** Hugging Face repo ids. */
  hf?: string[];
  /** Parent models as the source names them (Hub ids or names). */
  bases?: string[];
  /** Hub relation to the bases: adapter, merge, quantized, finetune. */
  relation?: string;
  /** Family hint (from the Hub's pipeline tag). */
  family?: string;
  context?: number;
  /** A public page for the record (becomes a source of a new catalog entry). */
  url?: string;
  /** `file:line` where the record was read. */
  where: string;
}

export interface Skip {
  where: string;
  reason: string;
  detail?: string;
}

/** Counts for the end-of-run summary. */
export interface Summary {
  read: number;
  imported: number;
  linked: number;
  unchanged?: number;
  skipped: Record<string, number>;
}

export function newSummary(): Summary {
  return { read: 0, imported: 0, linked: 0, skipped: {} };
}

export function skip(summary: Summary, skips: Skip[], s: Skip, keep = 50): void {
  summary.skipped[s.reason] = (summary.skipped[s.reason] ?? 0) + 1;
  if (skips.length < keep) skips.push(s);
}

/** Read one optional string field; empty strings and placeholders count as absent. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t && !/^(none|unknown|n\/a|na|null|todo|tbd|-)$/i.test(t) ? t : undefined;
}
