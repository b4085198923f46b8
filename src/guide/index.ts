/** The model-choice guide (issue 4): knowledge base in catalog/guide.yaml, ranking of catalog models under constraints. */
export { recommendModels, taskFit, type GuideRequest, type GuideAnswer, type Candidate, type Excluded, type FamilyAdvice } from './guide.js';
export { findTask, taskList, familyGuide, UnknownTaskError } from './knowledge.js';
export { checkConstraints, activeConstraints, CONSTRAINTS, type GuideConstraints, type ConstraintId, type Failure } from './constraints.js';
export { score, TUNING_TAGS, pickSize, compareScored, FIT_POINTS, RECENCY_POINTS, NAMED_POINTS, type Component, type Scored } from './rank.js';
export { inferenceBytes, memoryRule, parseMemory, formatBytes, PRECISIONS, BYTES_PER_PARAM, OVERHEAD, type Precision } from './memory.js';
export { formatGuideText } from './format.js';
export { GUIDE_LANGS, type GuideLang } from '../catalog/guide-constants.js';
export type { Guide, TaskGuide, FamilyGuide } from '../catalog/guide-schema.js';
