/** Ancestors and descendants of a model, as trees. */
import type { Catalog, Model, Relation } from '../catalog/core.js';

export interface LineageNode {
  id: string;
  name: string;
  released: string;
  /** How this node relates to the node above it in the tree (absent at the root). */
  relation?: Relation;
  children: LineageNode[];
  /** True when this model was already shown elsewhere in the tree (a merge or diamond). */
  repeated?: boolean;
}

/**
 * A tree walk from `model` along `next` edges, depth first and in edge order; a model met again is a
 * leaf marked `repeated`. Iterative (an explicit stack), so a chain of any length cannot overflow.
 */
function tree(model: Model, next: (m: Model) => { model: Model; relation: Relation }[]): LineageNode {
  const seen = new Set<string>();
  const node = (m: Model, relation?: Relation): LineageNode => ({ id: m.id, name: m.name, released: m.released, relation, children: [] });
  const root = node(model);
  seen.add(model.id);
  const stack: { m: Model; relation: Relation; parent: LineageNode }[] = [];
  const push = (m: Model, parent: LineageNode) => {
    const edges = next(m);
    for (let i = edges.length - 1; i >= 0; i--) stack.push({ m: edges[i].model, relation: edges[i].relation, parent });
  };
  push(model, root);
  while (stack.length) {
    const { m, relation, parent } = stack.pop()!;
    const n = node(m, relation);
    parent.children.push(n);
    if (seen.has(m.id)) n.repeated = true;
    else {
      seen.add(m.id);
      push(m, n);
    }
  }
  return root;
}

/** The model's ancestors: each node's children are its parents. */
export function ancestors(catalog: Catalog, model: Model): LineageNode {
  return tree(model, (m) =>
    m.parents.flatMap((p) => {
      const pm = catalog.byId.get(p.model);
      return pm ? [{ model: pm, relation: p.relation }] : [];
    }),
  );
}

/** The model's descendants: each node's children are the models derived from it. */
export function descendants(catalog: Catalog, model: Model): LineageNode {
  return tree(model, (m) =>
    (catalog.children.get(m.id) ?? []).map((c) => ({ model: c, relation: c.parents.find((p) => p.model === m.id)!.relation })),
  );
}

/** Every node of a lineage tree, parents before children (no recursion). */
function nodes(root: LineageNode): LineageNode[] {
  const out: LineageNode[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** Ids of every ancestor and descendant of a model, and the model itself. */
export function lineageIds(catalog: Catalog, model: Model): Set<string> {
  const ids = new Set<string>();
  for (const n of nodes(ancestors(catalog, model))) ids.add(n.id);
  for (const n of nodes(descendants(catalog, model))) ids.add(n.id);
  return ids;
}

/** Indentation stops growing at this depth (a long chain would otherwise give lines of quadratic total size). */
export const MAX_INDENT_DEPTH = 32;

/** Render a lineage tree as indented text lines; levels deeper than MAX_INDENT_DEPTH show their depth instead. */
export function lineageText(root: LineageNode, arrow: string): string[] {
  const lines = [`${root.name} (${root.id}, ${root.released})`];
  const stack: { n: LineageNode; prefix: string; last: boolean; depth: number }[] = [];
  const push = (n: LineageNode, prefix: string, depth: number) => {
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], prefix, last: i === n.children.length - 1, depth });
  };
  push(root, '', 1);
  while (stack.length) {
    const { n: c, prefix, last, depth } = stack.pop()!;
    const rel = c.relation ? ` ${arrow} ${c.relation}` : '';
    const deep = depth > MAX_INDENT_DEPTH ? `[${depth}] ` : '';
    lines.push(`${prefix}${last ? '└─ ' : '├─ '}${deep}${c.name} (${c.id}, ${c.released})${rel}${c.repeated ? ' …' : ''}`);
    push(c, depth >= MAX_INDENT_DEPTH ? prefix : prefix + (last ? '   ' : '│  '), depth + 1);
  }
  return lines;
}
