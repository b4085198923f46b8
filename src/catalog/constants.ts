/** The schema's closed vocabularies, kept free of zod so that light modules can use them. */

/** Bumped when the on-disk format or its checks change (so snapshots validated under older rules are not reused). */
export const SCHEMA_VERSION = 6;

export const FAMILIES = [
  'pre-transformer',
  'encoder-only',
  'encoder-decoder',
  'decoder-only',
  'non-transformer',
] as const;

export const WEIGHTS = ['open', 'restricted', 'closed'] as const;

export const RELATIONS = [
  'finetune',
  'instruction-tune',
  'chat-tune',
  'distillation',
  'continued-pretraining',
  'successor',
  'scale-up',
  'merge',
  'architecture',
] as const;

export const TAGS = [
  'base',
  'instruct',
  'chat',
  'code',
  'math',
  'reasoning',
  'embedding',
  'multilingual',
  'multimodal',
  'moe',
  'long-context',
  'dialogue',
  'biomedical',
  'scientific',
  'small',
] as const;

export const ORG_KINDS = ['company', 'academia', 'non-profit', 'collective', 'government'] as const;

/**
 * What a model (or one of its variants) takes in and produces: `text`, `code` (a code model),
 * `vision-language` (image and text in, text out), `speech` (speech in and/or out), `omni` (text,
 * image and audio together).
 */
export const MODALITIES = ['text', 'code', 'vision-language', 'speech', 'omni'] as const;
