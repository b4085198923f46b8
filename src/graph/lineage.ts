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

/** The model's ancestors: each node's children are its parents. */
export function ancestors(catalog: Catalog, model: Model): LineageNode {
  const seen = new Set<string>();
  const walk = (m: Model, relation?: Relation): LineageNode => {
    const node: LineageNode = { id: m.id, name: m.name, released: m.released, relation, children: [] };
    if (seen.has(m.id)) return { ...node, repeated: true };
    seen.add(m.id);
    for (const p of m.parents) {
      const pm = catalog.byId.get(p.model);
      if (pm) node.children.push(walk(pm, p.relation));
    }
    return node;
  };
  return walk(model);
}

/** The model's descendants: each node's children are the models derived from it. */
export function descendants(catalog: Catalog, model: Model): LineageNode {
  const seen = new Set<string>();
  const walk = (m: Model, relation?: Relation): LineageNode => {
    const node: LineageNode = { id: m.id, name: m.name, released: m.released, relation, children: [] };
    if (seen.has(m.id)) return { ...node, repeated: true };
    seen.add(m.id);
    for (const c of catalog.children.get(m.id) ?? []) {
      const edge = c.parents.find((p) => p.model === m.id)!;
      node.children.push(walk(c, edge.relation));
    }
    return node;
  };
  return walk(model);
}

/** Ids of every ancestor and descendant of a model, and the model itself. */
export function lineageIds(catalog: Catalog, model: Model): Set<string> {
  const ids = new Set<string>();
  const collect = (n: LineageNode) => {
    ids.add(n.id);
    n.children.forEach(collect);
  };
  collect(ancestors(catalog, model));
  collect(descendants(catalog, model));
  return ids;
}

/** Render a lineage tree as indented text lines. */
export function lineageText(root: LineageNode, arrow: string): string[] {
  const lines = [`${root.name} (${root.id}, ${root.released})`];
  const walk = (n: LineageNode, prefix: string) => {
    n.children.forEach((c, i) => {
      const last = i === n.children.length - 1;
      const rel = c.relation ? ` ${arrow} ${c.relation}` : '';
      lines.push(`${prefix}${last ? '└─ ' : '├─ '}${c.name} (${c.id}, ${c.released})${rel}${c.repeated ? ' …' : ''}`);
      walk(c, prefix + (last ? '   ' : '│  '));
    });
  };
  walk(root, '');
  return lines;
}
