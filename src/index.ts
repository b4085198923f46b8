/** llmtree library API: load and query the catalog, derive lineage and stats. */
export * from './catalog/index.js';
export * from './graph/index.js';
export { usageRows, type UsageRow } from './cli/licenses.js';
