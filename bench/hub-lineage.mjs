// In-process lineage query of a Hub store, for bench/hub.mjs (run as a child so that two builds can be
// compared in turn): node bench/hub-lineage.mjs ROOT DB MODEL [N]
// ROOT is a built llmtree checkout (its dist/ and catalog/). Prints JSON: medians over N runs (default 7)
// of wall and CPU seconds for (a) open the store and collect the whole lineage (every node's id, date and
// relation, in tree order), (a') the same and its JSON text in memory, (c) the counts only (no labels).
import { join } from 'node:path';

const [root, db, model, n = '7'] = process.argv.slice(2);
const { loadCatalog } = await import(join(root, 'dist', 'catalog', 'index.js'));
const { openHubDb } = await import(join(root, 'dist', 'store', 'hub-db.js'));
const { withHub } = await import(join(root, 'dist', 'store', 'hub-catalog.js'));
const { hubSourceOf, walkDescendants } = await import(join(root, 'dist', 'store', 'hub-lineage.js'));
const { catalog } = loadCatalog(join(root, 'catalog'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(f) {
  const wall = [];
  const cpu = [];
  let result;
  for (let i = 0; i < Number(n); i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = f();
    const used = process.cpuUsage(c);
    wall.push((performance.now() - t) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { wall: median(wall), cpu: median(cpu), result };
}

/** Open the store, walk `model`'s lineage with `visitor`, close. */
function query(visitor) {
  const h = openHubDb(db, { readonly: true });
  const ext = withHub(catalog, h);
  walkDescendants(hubSourceOf(ext), ext.byId.get(model), visitor);
  h.close();
}

const collect = timed(() => {
  const nodes = [];
  query({ node: (s) => nodes.push(s), up() {} });
  return nodes.length - 1;
});
const asJson = timed(() => {
  const parts = [];
  query({
    node: (s) => parts.push(`{"id": ${JSON.stringify(s.id)}, "released": "${s.released}", "relation": "${s.relation}", "children": [${s.hasChildren ? '' : ']}'}`),
    up: () => parts.push(']}'),
  });
  return parts.join('').length;
});
const count = timed(() => {
  let k = 0;
  query({ labels: false, node: () => k++, up() {} });
  return k - 1;
});
// Calibration: the same number of step objects made and kept, with no store (what (a) costs at least here).
const objects = timed(() => {
  const nodes = [];
  for (let i = 0; i <= collect.result; i++) {
    nodes.push({ depth: i & 15, id: `user${i}/m-${i}`, name: `user${i}/m-${i}`, released: '2023-01-01', relation: 'finetune', repeated: false, first: true, last: false, hasChildren: false });
  }
  return nodes.length - 1;
});
console.log(JSON.stringify({ collect, asJson, count, objects }));
