export { ancestors, descendants, lineageIds, lineageText, type LineageNode } from './lineage.js';
export { stats, countByOrganization, isOpen, type Stats, type OrgCount } from './stats.js';
export { freshness, lineageRoot, monthsBefore, type Freshness, type OrgFreshness, type LineageFreshness, type Newest } from './freshness.js';
