/** The model-choice guide: the survey's decision flow, evidence-based ranking under constraints, a memory model. */
export { recommendModels, taskFit, type GuideRequest, type GuideAnswer, type Candidate, type Excluded, type FamilyAdvice, type ModelClass } from './guide.js';
export { findTask, taskList, familyGuide, UnknownTaskError } from './knowledge.js';
export { checkConstraints, activeConstraints, commercialSet, CONSTRAINTS, DEPLOYS, type Deploy, type GuideConstraints, type ConstraintId, type Failure, type VariantFit } from './constraints.js';
export { score, TUNING_TAGS, pickVariant, compareScored, FIT_POINTS, EVIDENCE_POINTS, RECENCY_POINTS, NAMED_POINTS, type Component, type Scored } from './rank.js';
export {
  estimateMemory, fits, usableMemory, kvBytesPerToken, memoryRule, parseMemory, formatBytes,
  PRECISIONS, BYTES_PER_PARAM, FINETUNE_METHODS, type Precision, type FinetuneMethod, type MemoryEstimate, type AttentionShape,
} from './memory.js';
export { walkFlow, routeOf, type FlowResult, type FlowStep, type Outcome } from './flow.js';
export { situationAnswers, DOMAINS, PAIRS, FEW_LABELS, STRICT_LATENCY_MS, RICH_LANGUAGES, type Situation, type Domain, type PairResource } from './situation.js';
export { variantsOf, servesAny, type GuideVariant } from './variants.js';
export { indexEvidence, evidenceOf, blendedPrice } from './evidence.js';
export { formatGuideText } from './format.js';
export { GUIDE_LANGS, type GuideLang } from '../catalog/guide-constants.js';
export type { Guide, TaskGuide, FamilyGuide, FlowNode, Evidence, Benchmark } from '../catalog/guide-schema.js';
