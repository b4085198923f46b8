/**
 * Published evidence that ranks models for a task (benchmark scores with their source and date), API
 * prices, and the facts the memory model needs (attention shape, published precision, languages).
 * The data is the `benchmarks` and `evidence` sections of guide.yaml.
 */
import type { Guide, Evidence, TaskGuide } from '../catalog/guide-schema.js';
import type { Lang } from './messages.js';

export type EvidenceIndex = Map<string, Evidence[]>;

export function indexEvidence(guide: Guide): EvidenceIndex {
  const idx: EvidenceIndex = new Map();
  for (const e of guide.evidence) {
    const list = idx.get(e.model) ?? [];
    list.push(e);
    idx.set(e.model, list);
  }
  return idx;
}

/** Evidence for a model's variant: the variant's own entry over the model's, field by field. */
export function evidenceOf(idx: EvidenceIndex, model: string, variant?: string): Partial<Evidence> {
  const list = idx.get(model) ?? [];
  const general = list.find((e) => !e.variant);
  const own = variant ? list.find((e) => e.variant === variant) : undefined;
  if (!own) return general ?? {};
  if (!general) return own;
  const scores = [...own.scores, ...general.scores.filter((s) => !own.scores.some((o) => o.benchmark === s.benchmark))];
  return { ...general, ...own, scores };
}

export interface EvidenceScore {
  /** 0–1: the mean, over the task's benchmarks this model has a score on, of its percentile among scored models. */
  strength: number;
  /** One line per benchmark used: "SWE-bench Verified 77.2 % resolved (2025-09-29)". */
  notes: string[];
  /** URLs of the numbers used. */
  sources: string[];
}

/** Percentile ranks per benchmark, over every model (and variant) that has a score on it. */
export function scoreTable(guide: Guide): Map<string, number[]> {
  const table = new Map<string, number[]>();
  for (const e of guide.evidence)
    for (const s of e.scores) {
      const list = table.get(s.benchmark) ?? [];
      list.push(s.value);
      table.set(s.benchmark, list);
    }
  for (const list of table.values()) list.sort((a, b) => a - b);
  return table;
}

function percentile(sorted: number[], v: number): number {
  if (sorted.length < 2) return 1;
  let below = 0;
  let equal = 0;
  for (const x of sorted) {
    if (x < v) below++;
    else if (x === v) equal++;
  }
  return (below + (equal - 1) / 2) / (sorted.length - 1);
}

export function taskEvidence(guide: Guide, table: Map<string, number[]>, task: TaskGuide, ev: Partial<Evidence>, lang: Lang = 'en'): EvidenceScore | undefined {
  const used = (ev.scores ?? []).filter((s) => task.benchmarks.includes(s.benchmark));
  if (!used.length) return undefined;
  const strength = used.reduce((sum, s) => sum + percentile(table.get(s.benchmark) ?? [s.value], s.value), 0) / used.length;
  const notes = used.map((s) => {
    const b = guide.benchmarks.find((x) => x.id === s.benchmark)!;
    return `${b.name} ${s.value} ${b.unit[lang]}${s.setting ? `, ${s.setting}` : ''} (${s.date})`;
  });
  return { strength, notes, sources: used.map((s) => s.source) };
}

/** Blended price per million tokens, 3 parts input to 1 part output (a common convention for chat traffic). */
export function blendedPrice(p: { input: number; output: number }): number {
  return (3 * p.input + p.output) / 4;
}
