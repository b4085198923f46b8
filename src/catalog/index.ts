export * from './schema.js';
export { loadCatalog, type LoadOptions, type LoadResult } from './load.js';
export { makeCatalog, byRelease, type Catalog } from './catalog.js';
export { filterModels, matches, commercialUse, parseCount, formatCount, type ModelFilter, type Commercial } from './query.js';
export { formatIssue, CatalogError, type Issue } from './issues.js';
export { earliest, latest, toYearFraction, year, compareDates, parseDateBound } from './dates.js';
export { normalizeName } from './names.js';
export { suggest } from './suggest.js';
