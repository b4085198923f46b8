/**
 * `--into <catalog>`: source records that match no catalog model become new entries, written only
 * when they pass the catalog's own validation. Records that match a model never change it: where they
 * disagree, the conflict is listed and nothing is applied. Writes are all-or-nothing.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, renameSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import type { Catalog, Model, Relation, Family } from '../catalog/core.js';
import { FAMILIES } from '../catalog/core.js';
import { loadCatalog } from '../catalog/load.js';
import { formatIssue } from '../catalog/issues.js';
import { Matcher, slug, looseName, sizelessName } from './match.js';
import { OrgIndex } from './orgs.js';
import { compare, licenseMatcher } from './crosscheck.js';
import { modelYaml } from './yaml-out.js';
import type { SourceRecord, Skip } from './types.js';

export interface Conflict {
  model: string;
  key: string;
  field: string;
  catalog: string;
  source: string;
}

export interface IntoPlan {
  /** New entries that pass validation, with their YAML. */
  entries: { model: Model; yaml: string; key: string }[];
  conflicts: Conflict[];
  /** Records that matched a catalog model and agree with it (nothing to do). */
  agreeing: number;
  skipped: Skip[];
  skippedByReason: Record<string, number>;
}

const HUB_RELATION: Record<string, { relation: Relation; note?: string }> = {
  finetune: { relation: 'finetune' },
  adapter: { relation: 'finetune', note: 'Hub: adapter' },
  quantized: { relation: 'finetune', note: 'Hub: quantized' },
  merge: { relation: 'merge' },
};

/** The catalog entry a record would become, or why it cannot. */
export function proposeEntry(r: SourceRecord, catalog: Catalog, matcher: Matcher, orgs: OrgIndex, today: string): Model | { reason: string; detail?: string } {
  const id = slug(r.name);
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) return { reason: 'name gives no usable id', detail: r.name };
  const named = r.organizations.length ? r.organizations : r.owner ? [r.owner] : [];
  const organizations = [...new Set(named.map((o) => orgs.resolve(o)).filter((o): o is string => !!o))];
  if (!organizations.length) return { reason: 'organisation not in the catalog', detail: named.join(', ') || '(none)' };
  if (!r.released) return { reason: 'no release date' };
  if (!r.weights) return { reason: 'openness unknown' };
  const license = r.license && catalog.licenses.has(r.license) ? r.license : r.weights === "closed" && catalog.licenses.has("proprietary") ? "proprietary" : undefined;
  if (r.weights !== 'closed' && !license) return { reason: 'open weights without a catalog licence', detail: r.licenseText ?? r.license ?? '(none)' };
  if (!r.url) return { reason: 'no source URL' };
  const parents: Model['parents'] = [];
  for (const b of r.bases ?? []) {
    const p = matcher.hubModel(b) ?? catalog.resolve(b);
    if (!p || parents.some((x) => x.model === p.id)) continue;
    const rel = HUB_RELATION[r.relation ?? ''] ?? { relation: (r.bases!.length > 1 ? 'merge' : 'finetune') as Relation };
    parents.push({ model: p.id, relation: rel.relation, ...(rel.note ? { note: rel.note } : {}) });
  }
  const inherited = parents.map((p) => catalog.byId.get(p.model)?.family).find((f) => f);
  const hinted = (FAMILIES as readonly string[]).includes(r.family ?? '') ? (r.family as Family) : undefined;
  const family = hinted ?? inherited ?? 'decoder-only';
  const uncertain: Model['uncertain'] = hinted || inherited ? [] : ['family'];
  const notes =
    `Imported from ${r.source} (${r.key}) on ${today} by \`llmtree import\`; check it against a primary source before relying on it.` +
    (uncertain.length ? ' The source gives no architecture; decoder-only is assumed.' : '');
  return {
    id,
    name: r.name.slice(0, 80),
    aliases: [],
    family,
    released: r.released,
    organizations,
    weights: r.weights,
    license,
    parameters: (r.parameters ?? []).map((total) => ({ total })),
    context: r.context,
    parents,
    tags: [],
    sources: [r.url],
    hf: r.hf ?? [],
    variants: [],
    uncertain,
    notes,
  };
}

export function planImport(catalog: Catalog, records: Iterable<SourceRecord>, options: { today?: string } = {}): IntoPlan {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const matcher = new Matcher(catalog);
  const orgs = new OrgIndex(catalog);
  const plan: IntoPlan = { entries: [], conflicts: [], agreeing: 0, skipped: [], skippedByReason: {} };
  const skip = (s: Skip) => {
    plan.skippedByReason[s.reason] = (plan.skippedByReason[s.reason] ?? 0) + 1;
    plan.skipped.push(s);
  };
  const taken = new Set(catalog.byId.keys());
  const sameLicense = licenseMatcher(catalog);
  const fresh = new Map<string, SourceRecord>();
  for (const r of records) {
    const hit = matcher.match(r);
    if (hit) {
      const diffs = compare(r, hit.model, orgs, sameLicense);
      if (!diffs.length) plan.agreeing++;
      for (const d of diffs) plan.conflicts.push({ model: hit.model.id, key: r.key, ...d });
      continue;
    }
    // Per-size records of one model ("PaLM (540B)", "PaLM (62B)") become one entry with both sizes.
    const k = r.source === 'hf' ? r.key.toLowerCase() : looseName(r.name);
    const seen = fresh.get(k);
    fresh.set(k, seen ? mergeRecords(seen, r) : { ...r, name: r.source === 'hf' ? r.name : sizelessName(r.name) });
  }
  for (const r of fresh.values()) {
    const e = proposeEntry(r, catalog, matcher, orgs, today);
    if ('reason' in e) {
      skip({ where: r.where, reason: e.reason, detail: e.detail });
      continue;
    }
    if (taken.has(e.id)) {
      skip({ where: r.where, reason: 'id already taken', detail: e.id });
      continue;
    }
    taken.add(e.id);
    plan.entries.push({ model: e, yaml: modelYaml(e), key: r.key });
  }
  keepValid(catalog.dir, plan, skip);
  return plan;
}

function mergeRecords(a: SourceRecord, b: SourceRecord): SourceRecord {
  const sizes = [...new Set([...(a.parameters ?? []), ...(b.parameters ?? [])])].sort((x, y) => x - y);
  const earlier = !a.released || (b.released !== undefined && b.released < a.released) ? b : a;
  return {
    ...a,
    released: earlier.released,
    parameters: sizes.length ? sizes : undefined,
    organizations: [...new Set([...a.organizations, ...b.organizations])],
    weights: a.weights ?? b.weights,
    license: a.license ?? b.license,
    url: a.url ?? b.url,
    hf: [...new Set([...(a.hf ?? []), ...(b.hf ?? [])])],
    bases: [...new Set([...(a.bases ?? []), ...(b.bases ?? [])])],
    key: `${a.key}; ${b.key}`,
  };
}

/**
 * Check the new entries with the catalog's own validator, on a copy of the catalog: entries with any
 * problem are dropped (and reported), until the rest pass together.
 */
function keepValid(dir: string, plan: IntoPlan, skip: (s: Skip) => void): void {
  if (!plan.entries.length) return;
  const stage = mkdtempSync(join(tmpdir(), 'llmtree-import-'));
  try {
    cpSync(dir, stage, { recursive: true });
    for (let round = 0; round < 5 && plan.entries.length; round++) {
      for (const f of readdirSync(join(stage, 'models'))) if (f.startsWith('.import-')) rmSync(join(stage, 'models', f));
      for (const e of plan.entries) writeFileSync(join(stage, 'models', `${e.model.id}.yaml`), e.yaml);
      const { issues } = loadCatalog(stage);
      const bad = new Map<string, string>();
      for (const i of issues) {
        const id = basename(i.file).replace(/\.yaml$/, '');
        if (plan.entries.some((e) => e.model.id === id) && !bad.has(id)) bad.set(id, formatIssue({ ...i, file: `models/${id}.yaml` }));
      }
      if (!bad.size) {
        if (issues.length) throw new Error(`the catalog at ${dir} has errors of its own; run \`llmtree validate\` first:\n${issues.slice(0, 5).map(formatIssue).join('\n')}`);
        return;
      }
      for (const [id, msg] of bad) {
        const e = plan.entries.find((x) => x.model.id === id)!;
        rmSync(join(stage, 'models', `${id}.yaml`));
        skip({ where: e.key, reason: 'fails validation', detail: msg });
      }
      plan.entries = plan.entries.filter((e) => !bad.has(e.model.id));
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Write the plan's new entries: each to a temporary file first, then all renamed into place. A file
 * that already exists is never replaced. On any error every file written so far is removed.
 */
export function writePlan(dir: string, plan: IntoPlan): string[] {
  const models = join(dir, 'models');
  const temps: [string, string][] = [];
  const done: string[] = [];
  try {
    for (const e of plan.entries) {
      const final = join(models, `${e.model.id}.yaml`);
      if (existsSync(final)) throw new Error(`${final} already exists`);
      const tmp = join(models, `.import-${process.pid}-${e.model.id}.yaml.tmp`);
      writeFileSync(tmp, e.yaml, { flag: 'wx' });
      temps.push([tmp, final]);
    }
    for (const [tmp, final] of temps) {
      if (existsSync(final)) throw new Error(`${final} appeared during the import`);
      renameSync(tmp, final);
      done.push(final);
    }
    return done;
  } catch (err) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    for (const f of done) rmSync(f, { force: true });
    throw err;
  }
}

/** The plan as a unified-diff-like text: new files in full, conflicts as comments. */
export function planDiff(dir: string, plan: IntoPlan): string {
  const out: string[] = [];
  for (const e of plan.entries) {
    const path = join(basename(dir), 'models', `${e.model.id}.yaml`);
    const lines = e.yaml.trimEnd().split('\n');
    out.push(`--- /dev/null`, `+++ ${path}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`));
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
