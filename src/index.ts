/**
 * llmtree library API: load and query the catalog, derive lineage and stats, lay out and render the
 * tree, guide model choice. One stage per folder; each stage's index lists what it offers.
 */
export * from './catalog/index.js';
export * from './graph/index.js';
export * from './guide/index.js';
export * from './layout/index.js';
export * from './render/index.js';
export { usageRows, type UsageRow } from './cli/licenses.js';
