/**
 * The guide panel's inputs, one row per `llmtree guide` flag: the form control's id, its key in the URL,
 * and how its text becomes the request field, checked exactly as the CLI checks the flag. A value the
 * CLI would refuse marks the control invalid instead of being dropped silently.
 */
import { parseCount, parseDateBound } from '../../src/catalog/core.js';
import { parseMemory, PRECISIONS, DOMAINS, PAIRS, FINETUNE_METHODS, type GuideRequest } from '../../src/guide/index.js';

export type GuideState = Record<string, string>;

type Kind = 'text' | 'check' | 'select';
/** The request field's value, or null when the CLI would refuse the text. */
type Parse = (v: string) => unknown;

export interface GuideField {
  /** Control id in index.html. */
  id: string;
  /** Query-string key (kept short; the old ones unchanged so shared links still work). */
  key: string;
  kind: Kind;
  /** Request field it fills, and how. */
  field: keyof GuideRequest;
  parse: Parse;
  /** Longest text kept from the URL. */
  max?: number;
}

const whole = (v: string) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 1e6 ? n : null;
};
const positive = (v: string) => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : null;
};
const count = (v: string) => {
  const n = parseCount(v);
  return n !== null && n > 0 ? n : null;
};
const oneOf = (list: readonly string[]) => (v: string) => (list.includes(v) ? v : null);
const yes = () => true;

/** As `llmtree guide --labels`: none, few, or a whole number (0 means none). */
export function parseLabels(v: string): 'none' | 'few' | number | null {
  const l = v.trim().toLowerCase();
  if (l === 'none' || l === '0') return 'none';
  if (l === 'few') return 'few';
  const n = parseCount(l);
  return n !== null && n >= 0 && Number.isInteger(n) ? n : null;
}

export const GUIDE_FIELDS: GuideField[] = [
  { id: 'g-task', key: 'task', kind: 'select', field: 'task', parse: (v) => v, max: 60 },
  // Your situation
  { id: 'g-labels', key: 'glabels', kind: 'text', field: 'labels', parse: parseLabels },
  { id: 'g-ood', key: 'good', kind: 'check', field: 'ood', parse: yes },
  { id: 'g-know', key: 'gknow', kind: 'check', field: 'needsKnowledge', parse: yes },
  { id: 'g-retrieval', key: 'gretrieval', kind: 'check', field: 'retrieval', parse: yes },
  { id: 'g-counter', key: 'gcounter', kind: 'check', field: 'counterfactual', parse: yes },
  { id: 'g-tasks', key: 'gtasks', kind: 'text', field: 'tasks', parse: whole },
  { id: 'g-latency', key: 'glatency', kind: 'text', field: 'latency', parse: positive },
  { id: 'g-domain', key: 'gdomain', kind: 'select', field: 'domain', parse: oneOf(DOMAINS), max: 20 },
  { id: 'g-language', key: 'glanguage', kind: 'text', field: 'language', parse: (v) => (/^[a-z]{2,3}$/.test(v.toLowerCase()) ? v.toLowerCase() : null) },
  { id: 'g-pair', key: 'gpair', kind: 'select', field: 'pair', parse: oneOf(PAIRS), max: 20 },
  // Constraints
  { id: 'g-commercial', key: 'gc', kind: 'select', field: 'commercial', parse: (v) => (v === 'unconditional' ? 'unconditional' : v === '1' ? true : null) },
  { id: 'g-open', key: 'gopen', kind: 'check', field: 'openWeights', parse: yes },
  { id: 'g-deploy', key: 'gdeploy', kind: 'select', field: 'deploy', parse: oneOf(['api', 'self-host', 'any']) },
  { id: 'g-max', key: 'gmax', kind: 'text', field: 'maxParams', parse: count },
  { id: 'g-ctx', key: 'gctx', kind: 'text', field: 'minContext', parse: count },
  { id: 'g-since', key: 'gsince', kind: 'text', field: 'since', parse: (v) => (parseDateBound(v) ? v : null) },
  { id: 'g-budget', key: 'gbudget', kind: 'text', field: 'budget', parse: positive },
  // Hardware
  { id: 'g-gpu', key: 'ggpu', kind: 'text', field: 'gpuMemory', parse: parseMemory },
  { id: 'g-gpus', key: 'ggpus', kind: 'text', field: 'gpus', parse: whole },
  { id: 'g-prec', key: 'gprec', kind: 'select', field: 'precision', parse: oneOf(PRECISIONS) },
  { id: 'g-kv', key: 'gkv', kind: 'text', field: 'context', parse: count },
  { id: 'g-batch', key: 'gbatch', kind: 'text', field: 'batch', parse: whole },
  { id: 'g-finetune', key: 'gfinetune', kind: 'select', field: 'finetune', parse: oneOf(FINETUNE_METHODS) },
];

/** The guide's part of the query string: each field's text, checkboxes as "1", nothing for empty. */
export function parseGuideState(q: URLSearchParams): GuideState {
  const g: GuideState = {};
  for (const f of GUIDE_FIELDS) {
    const v = q.get(f.key)?.trim();
    if (!v || v.length > (f.max ?? 16)) continue;
    if (f.kind === 'check' && v !== '1') continue;
    g[f.key] = v;
  }
  return g;
}

export function serializeGuideState(g: GuideState, q: URLSearchParams): void {
  for (const f of GUIDE_FIELDS) if (g[f.key]) q.set(f.key, g[f.key]);
}

/** The request `llmtree guide` builds from the same flags; the ids of controls it could not read. */
export function guideRequest(g: GuideState, lang: 'en' | 'zh'): { request: GuideRequest; bad: string[] } {
  const r: Record<string, unknown> = { task: g.task ?? '', lang, limit: 8 };
  const bad: string[] = [];
  for (const f of GUIDE_FIELDS) {
    const v = g[f.key];
    if (!v || f.key === 'task') continue;
    const parsed = f.parse(v);
    if (parsed === null) bad.push(f.id);
    else r[f.field] = parsed;
  }
  return { request: r as unknown as GuideRequest, bad };
}
