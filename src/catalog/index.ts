export * from './core.js';
export { Id, Family, Weights, Relation, Tag, DateString, ParamCount, ParameterSize, ParentEdge, Url, Model, Organization, License, Modality, Variant } from './schema.js';
export { loadCatalog, loadGuide, type LoadOptions, type LoadResult } from './load.js';
export { catalogKey, readSnapshot, writeSnapshot, cacheFolder, type Snapshot } from './cache.js';
