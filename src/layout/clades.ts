/**
 * Phase 2 — clades and ordering. Each family column becomes a forest: a model hangs off its primary
 * parent (the first listed parent drawn in the same column and released before it); a model without
 * one roots a clade. An organisation's unrelated clades in one column share one stem (an `org` node
 * without a box), so a lab's line leaves the trunk once — unless one starts years after the others ended. Children are ordered latest first: packed
 * outward in that order, each sub-branch leaves its stem below every younger sibling, so tree edges do
 * not cross (the Sugiyama barycentre step reduces here to birth order, which is crossing-free). The
 * "continuation" of a node — its latest child, so no sibling has to leave the stem below it — sits
 * straight above it on one stem.
 */
import { byRelease, type Catalog, type Model } from '../catalog/core.js';
import type { UnitShape } from './unit.js';

export interface CladeNode {
  /** Model id, or `org:<org>` for an organisation's shared stem. */
  id: string;
  model?: Model;
  unit?: UnitShape;
  /** Fractional release year (org stems: their earliest clade's). */
  t: number;
  /** Centre y of the box (org stems: the stem's bottom, set when packed). */
  y: number;
  children: CladeNode[];
  continuation?: CladeNode;
  /** Number of models in the subtree. */
  size: number;
}

export interface Forest {
  roots: CladeNode[];
  /** Every node by id. */
  nodes: Map<string, CladeNode>;
  /** Parent → child edges drawn as light secondary links (merges, other families, late parents). */
  links: { from: string; to: string }[];
}

export interface ForestInput {
  catalog: Catalog;
  /** The column's models, any order. */
  models: readonly Model[];
  /** Every model drawn in the figure (for secondary links across columns). */
  drawn: ReadonlySet<string>;
  t: ReadonlyMap<string, number>;
  y: (t: number) => number;
  units: ReadonlyMap<string, UnitShape>;
}

const latestFirst = (a: CladeNode, b: CladeNode) => b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The primary parent: the first listed parent in this column released before the model. */
function primaryParent(catalog: Catalog, m: Model, inColumn: ReadonlySet<string>): string | undefined {
  for (const e of m.parents) {
    const p = catalog.byId.get(e.model);
    if (p && e.model !== m.id && inColumn.has(e.model) && byRelease(p, m) < 0) return e.model;
  }
  return undefined;
}

export function buildForest(input: ForestInput): Forest {
  const { catalog, models, t, y, units } = input;
  const sorted = [...models].sort(byRelease);
  const inColumn = new Set(sorted.map((m) => m.id));
  const nodes = new Map<string, CladeNode>();
  for (const m of sorted) nodes.set(m.id, { id: m.id, model: m, unit: units.get(m.id), t: t.get(m.id)!, y: y(t.get(m.id)!), children: [], size: 1 });
  const links: Forest['links'] = [];
  const tops: CladeNode[] = [];
  for (const m of sorted) {
    const p = primaryParent(catalog, m, inColumn);
    if (p) nodes.get(p)!.children.push(nodes.get(m.id)!);
    else tops.push(nodes.get(m.id)!);
    for (const e of m.parents) if (e.model !== p && e.model !== m.id && input.drawn.has(e.model)) links.push({ from: e.model, to: m.id });
  }
  const roots = groupByOrganization(tops, nodes);
  for (const r of roots) finish(r);
  roots.sort(latestFirst);
  return { roots, nodes, links };
}

/** An organisation with several clades in the column gets one shared stem carrying them. */
function groupByOrganization(tops: CladeNode[], nodes: Map<string, CladeNode>): CladeNode[] {
  const byOrg = new Map<string, CladeNode[]>();
  for (const n of tops) {
    const org = n.model!.organizations[0] ?? n.id;
    const list = byOrg.get(org);
    if (list) list.push(n);
    else byOrg.set(org, [n]);
  }
  const roots: CladeNode[] = [];
  for (const [org, all] of [...byOrg].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    runs(all).forEach((list, i) => {
      if (list.length === 1) {
        roots.push(list[0]);
        return;
      }
      const t = Math.min(...list.map((n) => n.t));
      const node: CladeNode = { id: i ? `org:${org}:${i}` : `org:${org}`, t, y: list.find((n) => n.t === t)!.y, children: list, size: 0 };
      nodes.set(node.id, node);
      roots.push(node);
    });
  }
  return roots;
}

/** Latest release in a subtree. */
function lastT(n: CladeNode): number {
  return Math.max(n.t, ...n.children.map(lastT));
}

/**
 * An organisation's clades split where one starts long after all the earlier ones ended (ORG_GAP years):
 * a stem idle for years would hold a lane open across the busiest stretch for nothing.
 */
function runs(list: CladeNode[]): CladeNode[][] {
  const sorted = [...list].sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1));
  const out: CladeNode[][] = [];
  let end = -Infinity;
  for (const n of sorted) {
    if (!out.length || n.t - end > ORG_GAP) out.push([]);
    out[out.length - 1].push(n);
    end = Math.max(end, lastT(n));
  }
  return out;
}

const ORG_GAP = 1.5;

/** Sizes, child order (latest first) and each node's continuation, bottom-up. */
function finish(n: CladeNode): void {
  for (const c of n.children) finish(c);
  n.children.sort(latestFirst);
  n.size = (n.model ? 1 : 0) + n.children.reduce((a, c) => a + c.size, 0);
  if (n.model) n.continuation = pickContinuation(n);
}

const LATER = 0;

/**
 * The child that carries the line on: among the latest children (LATER: how many siblings may be younger),
 * a successor from the same lab, else the biggest subtree; it must clear the box.
 */
function pickContinuation(n: CladeNode): CladeNode | undefined {
  const top = n.y - n.unit!.h / 2;
  // Siblings younger than the continuation must leave the stem below its box: allow only a few, or they fan out in one row.
  const fits = n.children.filter((c) => c.y + c.unit!.h / 2 + 10 < top && n.children.filter((d) => d.t > c.t).length <= LATER);
  const org = n.model!.organizations[0];
  const score = (c: CladeNode) => {
    const edge = c.model!.parents.find((e) => e.model === n.id);
    const successor = edge?.relation === 'successor' && c.model!.organizations[0] === org ? 1 : 0;
    return successor * 1e6 + c.size * 1e3 - c.t;
  };
  let best: CladeNode | undefined;
  for (const c of fits) if (!best || score(c) > score(best) || (score(c) === score(best) && c.id < best.id)) best = c;
  return best;
}
