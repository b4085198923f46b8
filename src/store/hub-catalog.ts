/**
 * The curated catalog extended with a Hub lineage store (`--db FILE`): every Hub repo becomes a model
 * (id = repo id), a repo listed in a catalog model's `hf` *is* that model, and Hub bases become parents.
 * Lookups go to the database as needed; a lineage query fetches a whole subtree in one recursive query.
 */
import { byRelease, type Catalog, type Model, type Relation, type Family } from '../catalog/core.js';
import { familyFromPipeline } from '../import/hf.js';
import { normalizeLicense } from '../import/licenses.js';
import { hubIds } from '../import/match.js';
import { OrgIndex } from '../import/orgs.js';
import { descendantEdges, type Db, type RepoRow } from './hub-db.js';

const RELATION: Record<string, { relation: Relation; note?: string }> = {
  finetune: { relation: 'finetune' },
  adapter: { relation: 'finetune', note: 'Hub: adapter' },
  quantized: { relation: 'finetune', note: 'Hub: quantized' },
  merge: { relation: 'merge' },
};

type Row = Pick<RepoRow, 'id' | 'created' | 'last_modified' | 'relation' | 'pipeline' | 'author' | 'license' | 'gated' | 'placeholder'>;
const EMPTY: Row = { id: '', created: null, last_modified: null, relation: null, pipeline: null, author: null, license: null, gated: 0, placeholder: 0 };
const COLS = 'r.id, r.created, r.last_modified, r.relation, r.pipeline, r.author, r.license, r.gated, r.placeholder';

export function withHub(catalog: Catalog, db: Db): Catalog {
  const orgs = new OrgIndex(catalog);
  const authors = new Map<string, string>();
  const orgOf = (author: string) => {
    let o = authors.get(author);
    if (o === undefined) authors.set(author, (o = orgs.resolve(author) ?? author));
    return o;
  };
  const linked = new Map<string, Model>();
  for (const m of catalog.models) for (const h of hubIds(m)) linked.set(h.toLowerCase(), m);
  const repoStmt = db.prepare(`SELECT ${COLS} FROM repos r WHERE r.id = ?`);
  const basesStmt = db.prepare('SELECT parent FROM edges WHERE child = ?').pluck();


  const edgeTo = (parentRepo: string, relation: string | null) => {
    const p = linked.get(parentRepo.toLowerCase());
    const rel = RELATION[relation ?? ''] ?? { relation: 'finetune' as Relation };
    return { model: p ? p.id : parentRepo, relation: rel.relation, ...(rel.note ? { note: rel.note } : {}) };
  };

  const toModel = (r: Row, id: string, bases: string[], family?: Family): Model => ({
    id,
    name: id,
    aliases: [],
    family: (familyFromPipeline(r.pipeline ?? undefined) as Family | undefined) ?? family ?? 'decoder-only',
    released: r.created ?? r.last_modified ?? '2022',
    organizations: [orgOf(r.author ?? id.split('/')[0])],
    weights: r.gated ? 'restricted' : 'open',
    license: r.license ? normalizeLicense(r.license, catalog.licenses) ?? r.license : undefined,
    parameters: [],
    parents: bases.map((b) => edgeTo(b, r.relation)),
    tags: [],
    sources: [`https://huggingface.co/${id}`],
    hf: [id],
    variants: [],
    uncertain: r.created ? [] : ['released'],
    notes: r.created ? undefined : r.placeholder ? "The Hub's placeholder creation date: created before 2022-03-02." : undefined,
  });

  const full = new Map<string, Model | null>();
  const byIdGet = (k: string): Model | undefined => {
    const own = catalog.byId.get(k);
    if (own) return own;
    const key = k.toLowerCase();
    const l = linked.get(key);
    if (l) return l;
    if (full.has(key)) return full.get(key) ?? undefined;
    const r = repoStmt.get(k) as Row | undefined;
    const m = r ? toModel(r, r.id, basesStmt.all(r.id) as string[]) : undefined;
    full.set(key, m ?? null);
    return m;
  };

  // Children from the Hub, filled a whole subtree at a time.
  const hubKids = new Map<string, Model[]>();
  const fill = (node: Model) => {
    const roots = linked.has(node.id.toLowerCase()) || catalog.byId.has(node.id) ? hubIds(node) : [node.id];
    const stubs = new Map<string, Model>();
    const edges = new Set<string>();
    const nodeOf = (repo: string) => linked.get(repo.toLowerCase())?.id ?? repo;
    for (const [parent, childRepo, created, relation] of descendantEdges(db, roots)) {
      const parentId = nodeOf(parent);
      const familyOf = catalog.byId.get(parentId)?.family ?? stubs.get(parentId.toLowerCase())?.family;
      let child: Model | undefined = linked.get(childRepo.toLowerCase());
      // A catalog model is a Hub child only where the catalog itself says so: the catalog is curated.
      if (child && !child.parents.some((p) => p.model === parentId)) continue;
      if (!child) {
        const ck = childRepo.toLowerCase();
        child = stubs.get(ck);
        if (!child) {
          // A light model: what a lineage shows. `byId.get` gives the full one.
          child = toModel({ ...EMPTY, id: childRepo, created, relation }, childRepo, [], familyOf);
          stubs.set(ck, child);
        }
        if (!child.parents.some((p) => p.model === parentId)) child.parents.push({ ...edgeTo(parent, relation), model: parentId });
      }
      // Every node of the subtree is now complete, leaves included: none needs a query of its own.
      if (!hubKids.has(child.id.toLowerCase())) hubKids.set(child.id.toLowerCase(), []);
      const list = hubKids.get(parentId.toLowerCase()) ?? [];
      const edge = `${parentId.toLowerCase()}\0${child.id.toLowerCase()}`;
      if (!edges.has(edge) && child.id !== parentId) list.push(child);
      edges.add(edge);
      hubKids.set(parentId.toLowerCase(), list);
    }
    hubKids.set(node.id.toLowerCase(), hubKids.get(node.id.toLowerCase()) ?? []);
  };

  const childrenGet = (id: string): Model[] | undefined => {
    const curated = catalog.children.get(id) ?? [];
    const key = id.toLowerCase();
    if (!hubKids.has(key)) {
      const node = byIdGet(id);
      if (node) fill(node);
    }
    const extra = (hubKids.get(key) ?? []).filter((c) => !curated.includes(c));
    const all = extra.length ? [...curated, ...extra] : curated;
    return all.length ? all : undefined;
  };

  class LazyMap<V> extends Map<string, V> {
    constructor(private readonly lookup: (k: string) => V | undefined, base: Map<string, V>) {
      super(base);
    }
    override get(k: string): V | undefined {
      return super.get(k) ?? this.lookup(k);
    }
    override has(k: string): boolean {
      return this.get(k) !== undefined;
    }
  }

  let all: Model[] | undefined;
  const allModels = (): Model[] => {
    if (all) return all;
    const rows = db.prepare(`SELECT ${COLS}, (SELECT json_group_array(parent) FROM edges e WHERE e.child = r.id) AS bases FROM repos r`).iterate() as Iterable<Row & { bases: string }>;
    const extra: Model[] = [];
    for (const r of rows) if (!linked.has(r.id.toLowerCase())) extra.push(toModel(r, r.id, JSON.parse(r.bases) as string[]));
    return (all = [...catalog.models, ...extra].sort(byRelease));
  };

  return {
    dir: catalog.dir,
    get models() {
      return allModels();
    },
    organizations: catalog.organizations,
    licenses: catalog.licenses,
    byId: new LazyMap(byIdGet, catalog.byId),
    children: new LazyMap(childrenGet, new Map()),
    resolve: (s: string) => catalog.resolve(s) ?? byIdGet(s),
  };
}
