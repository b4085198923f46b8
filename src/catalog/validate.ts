/** Checks that span records and files: references, uniqueness, lineage, dates. */
import { readFileSync } from 'node:fs';
import { parseIcon, MAX_ICON_DEPTH } from './icon.js';
import { iconFile } from './icon-file.js';
import type { Model, Organization, License } from './schema.js';
import type { Issue } from './issues.js';
import type { Located } from './load.js';
import { earliest, latest, todayUTC } from './dates.js';
import { normalizeName } from './names.js';
import { suggest } from './suggest.js';
import { checkVariants, edgeDate } from './validate-variants.js';

export interface CrossCheckInput {
  models: Located<Model>[];
  organizations: Located<Organization>[];
  licenses: Located<License>[];
  /** Ids of model files that failed the schema: known, but not checked further. */
  invalidIds?: Set<string>;
  /** Organisations and licences whose file or entry failed to load: references to them are not errors of their own. */
  invalidOrgs?: { all: boolean; ids: Set<string> };
  invalidLicenses?: { all: boolean; ids: Set<string> };
  dir: string;
  now: Date;
}

export function crossCheck({
  models,
  organizations,
  licenses,
  invalidIds = new Set(),
  invalidOrgs = { all: false, ids: new Set() },
  invalidLicenses = { all: false, ids: new Set() },
  dir,
  now,
}: CrossCheckInput): Issue[] {
  const issues: Issue[] = [];
  const at = (r: Located<unknown>, path: (string | number)[], message: string) =>
    issues.push(r.doc.issue([...r.path, ...path], message));

  const orgIds = uniqueIds(organizations, 'organization', at);
  const licIds = uniqueIds(licenses, 'licence', at);
  const modelById = new Map<string, Located<Model>>();
  for (const m of models) {
    const prev = modelById.get(m.value.id);
    if (prev) at(m, ['id'], `duplicate model id "${m.value.id}" (also in ${prev.doc.file})`);
    else modelById.set(m.value.id, m);
  }

  for (const o of organizations) {
    if (o.value.icon) {
      const problem = iconProblem(dir, o.value.icon);
      if (problem) at(o, ['icon'], problem);
    }
  }
  for (const l of licenses) {
    if (l.value.commercial === 'conditional' && !l.value.condition)
      at(l, ['commercial'], 'commercial use is "conditional" but no "condition" says what the condition is');
  }

  // Names and aliases: one spelling may point at one model only. Ids and names claim first, then aliases.
  const names = new Map<string, { owner: string; file: string }>();
  const claim = (m: Located<Model>, s: string, path: (string | number)[]) => {
    const key = normalizeName(s);
    const prev = names.get(key);
    if (!key || prev?.owner === m.value.id) return;
    if (prev) at(m, path, `duplicate alias "${s}": already names model "${prev.owner}" (${prev.file})`);
    else names.set(key, { owner: m.value.id, file: m.doc.file });
  };
  for (const m of models) claim(m, m.value.id, ['id']);
  for (const m of models) claim(m, m.value.name, ['name']);
  for (const m of models) m.value.aliases.forEach((a, i) => claim(m, a, ['aliases', i]));

  const today = todayUTC(now);
  for (const m of models) {
    const v = m.value;
    v.organizations.forEach((o, i) => {
      if (!orgIds.has(o) && !invalidOrgs.all && !invalidOrgs.ids.has(o)) at(m, ['organizations', i], `unknown organization "${o}"${hint(o, orgIds)}`);
    });
    if (v.license && !licIds.has(v.license) && !invalidLicenses.all && !invalidLicenses.ids.has(v.license)) at(m, ['license'], `unknown licence "${v.license}"${hint(v.license, licIds)}`);
    if (v.weights !== 'closed' && !v.license) at(m, ['weights'], `weights are "${v.weights}" but no licence is given`);
    if (earliest(v.released) > today) at(m, ['released'], `release date ${v.released} is in the future (today is ${today})`);
    checkVariants(m, (id) => licIds.has(id) || invalidLicenses.all || invalidLicenses.ids.has(id), at, today);
    v.parents.forEach((p, i) => {
      const parent = modelById.get(p.model);
      if (!parent) {
        if (invalidIds.has(p.model)) return;
        at(m, ['parents', i, 'model'], `unknown parent model "${p.model}"${hint(p.model, modelById)}`);
        return;
      }
      if (p.model === v.id) return; // reported as a cycle below
      const when = edgeDate(v, p);
      if (latest(when) < earliest(parent.value.released))
        at(m, p.since ? ['parents', i, 'since'] : ['released'], `${when === v.released ? 'released' : 'takes this parent on'} ${when}, before its parent "${p.model}" (${parent.value.released})`);
    });
    const seen = new Set<string>();
    v.parents.forEach((p, i) => {
      if (seen.has(p.model)) at(m, ['parents', i, 'model'], `parent "${p.model}" listed twice`);
      seen.add(p.model);
    });
  }
  issues.push(...findCycles(models, modelById));
  return issues;
}

function iconProblem(dir: string, icon: string): string | undefined {
  const { file, problem } = iconFile(dir, icon);
  if (problem) return problem;
  let text: string;
  try {
    text = readFileSync(file!, 'utf8');
  } catch (e) {
    return `icon "${icon}" cannot be read: ${(e as Error).message}`;
  }
  if (!parseIcon(text)) return `icon "${icon}" is not a well-formed SVG with a viewBox (or width and height), nested at most ${MAX_ICON_DEPTH} levels deep`;
  return undefined;
}

function uniqueIds<T extends { id: string }>(
  list: Located<T>[],
  what: string,
  at: (r: Located<unknown>, path: (string | number)[], message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  for (const r of list) {
    if (ids.has(r.value.id)) at(r, ['id'], `duplicate ${what} id "${r.value.id}"`);
    ids.add(r.value.id);
  }
  return ids;
}

function hint(id: string, known: { keys(): Iterable<string> } | Set<string>): string {
  const s = suggest(id, [...(known instanceof Set ? known : known.keys())]);
  return s.length ? ` (did you mean ${s.map((x) => `"${x}"`).join(' or ')}?)` : '';
}

/** A cycle for a message: every id when short, else its first and last few. */
function cycleText(ids: string[]): string {
  if (ids.length <= 12) return ids.join(' → ');
  return [...ids.slice(0, 6), `… (${ids.length - 10} more)`, ...ids.slice(-4)].join(' → ');
}

/**
 * Depth-first search over parent edges; each cycle is reported once, at the edge that closes it.
 * Iterative (an explicit stack of frames), so a lineage chain of any length cannot overflow.
 */
function findCycles(models: Located<Model>[], byId: Map<string, Located<Model>>): Issue[] {
  const issues: Issue[] = [];
  const done = new Set<string>();
  const onStack = new Map<string, number>(); // id → its index in `path`
  const path: string[] = [];
  const frames: { m: Located<Model>; i: number }[] = [];
  const enter = (id: string) => {
    onStack.set(id, path.length);
    path.push(id);
    frames.push({ m: byId.get(id)!, i: 0 });
  };
  for (const start of [...byId.keys()].sort()) {
    if (done.has(start)) continue;
    enter(start);
    while (frames.length) {
      const f = frames[frames.length - 1];
      const parents = f.m.value.parents;
      if (f.i === parents.length) {
        frames.pop();
        onStack.delete(path.pop()!);
        done.add(f.m.value.id);
        continue;
      }
      const i = f.i++;
      const p = parents[i].model;
      if (!byId.has(p) || done.has(p)) continue;
      const at = onStack.get(p);
      if (at !== undefined) issues.push(f.m.doc.issue(['parents', i, 'model'], `lineage cycle: ${cycleText([...path.slice(at), p])}`));
      else enter(p);
    }
  }
  return issues;
}
