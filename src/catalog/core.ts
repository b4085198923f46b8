/**
 * The catalog API that needs no schema library: types, vocabularies, indexes, queries, dates.
 * Light modules (the CLI's query path, graph, layout) import from here so that a query does not
 * pay for loading the validator.
 */
export * from './constants.js';
export type { Family, Weights, Relation, Tag, ParameterSize, ParentEdge, Model, Organization, License, Modality, Variant } from './schema.js';
export { makeCatalog, byRelease, type Catalog } from './catalog.js';
export {
  filterModels,
  filterVariants,
  matches,
  matchingVariants,
  variantMatches,
  commercialUse,
  licenseCommercial,
  parseCount,
  formatCount,
  type ModelFilter,
  type Commercial,
  type VariantMatch,
} from './query.js';
export { resolveVariants, entryModality, sizesOf, type ResolvedVariant } from './variants.js';
export { formatIssue, CatalogError, type Issue } from './issues.js';
export { earliest, latest, toYearFraction, year, compareDates, parseDateBound, todayUTC } from './dates.js';
export { normalizeName } from './names.js';
export { suggest } from './suggest.js';
