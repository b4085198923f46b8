/** llmtree library API: load and query the catalog, derive lineage and stats, lay out and render the tree, guide model choice. */
export * from './catalog/index.js';
export * from './graph/index.js';
export * from './guide/index.js';
export { usageRows, type UsageRow } from './cli/licenses.js';
