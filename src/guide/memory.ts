/**
 * GPU memory for running (and fine-tuning) a model: weights at a precision, the KV cache from the
 * model's attention shape, and runtime overhead. Every estimate carries its arithmetic, so the answer can
 * show how the number was made. 1 GB = 10^9 bytes. Rules and sources: docs/guide.md#memory.
 */

import { PRECISIONS, type Precision } from '../catalog/guide-constants.js';

export { PRECISIONS, type Precision };

/**
 * Bytes per parameter. MXFP4 stores 4-bit values with one shared 8-bit scale per block of 32
 * (4.25 bits); int4 is counted at 4 bits (group scales of GPTQ/AWQ/NF4 add about 3%, covered by the overhead).
 */
export const BYTES_PER_PARAM: Record<Precision, number> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, mxfp4: 4.25 / 8, int4: 0.5 };

/** Bytes per cached key/value element: fp16/bf16 unless the model ships in fp32. */
export const KV_BYTES = 2;

/** Runtime overhead: activations, CUDA context and allocator slack, as a share of the weights plus a fixed part per GPU. */
export const OVERHEAD_SHARE = 0.1;
export const OVERHEAD_FIXED = 1e9;

/** A fit needs this much headroom: the estimate may use at most 90% of the GPUs' memory. */
export const USABLE_SHARE = 0.9;

/** Share of parameters trained by LoRA/QLoRA adapters (rank 16 on every projection of a 7B model is about 0.6%; 1% is conservative). */
export const ADAPTER_SHARE = 0.01;

/** Training bytes per trained parameter with mixed-precision Adam: bf16 weights and gradients (2 + 2) and fp32 master weights, momentum and variance (4 + 4 + 4). */
export const TRAIN_BYTES_PER_PARAM = 16;

/** QLoRA stores frozen weights as 4-bit NormalFloat with double-quantised block scales: about 4.127 bits. */
export const NF4_BYTES = 4.127 / 8;

export const GB = 1e9;

/** The attention shape that sets the KV cache (from the model's config.json). */
export interface AttentionShape {
  layers: number;
  kvHeads?: number;
  headDim?: number;
  /** Multi-head latent attention (DeepSeek-V2/V3): cached elements per token and layer (kv_lora_rank + rope dim). */
  kvLatent?: number;
  /** Sliding-window attention: that many of the layers cache at most `size` tokens. */
  window?: { size: number; layers: number };
}

export type FinetuneMethod = 'full' | 'lora' | 'qlora';
export const FINETUNE_METHODS: readonly FinetuneMethod[] = ['full', 'lora', 'qlora'];

export interface MemoryRequest {
  /** Total parameters (mixture-of-experts models keep every expert in memory). */
  params: number;
  precision: Precision;
  /** Attention shape; without it the KV cache cannot be computed and a stated allowance is used instead. */
  arch?: AttentionShape;
  /** Tokens of context to hold per sequence. */
  context: number;
  /** Sequences served (or trained) at once. */
  batch: number;
  gpus: number;
  finetune?: FinetuneMethod;
  /** Language of the arithmetic lines. */
  lang?: 'en' | 'zh';
}

export interface MemoryEstimate {
  weights: number;
  kvCache: number;
  /** Set when the KV cache is an allowance, not computed from the attention shape. */
  kvEstimated: boolean;
  training: number;
  overhead: number;
  total: number;
  /** The lines of arithmetic, in order, ending in the total. */
  steps: string[];
}

const gb = (b: number) => formatBytes(b);

/** The words of the arithmetic, in each language; numbers and units stay as they are. */
const W = {
  en: {
    weights: 'weights', frozen: 'frozen weights', full: 'full fine-tuning', fullWhy: 'bf16 gradients + fp32 master, Adam m and v',
    adapters: 'adapters', ofParams: 'of parameters', kv: 'KV cache', kvLatent: 'KV cache (latent)', kvEst: 'KV cache (estimated, attention shape not recorded)',
    layers: 'layers', tokens: 'tokens', heads: 'KV heads', dims: 'dims', window: 'window', overhead: 'overhead', ofWeights: '10% of weights', gpu: 'GPU', total: 'total',
  },
  zh: {
    weights: '权重', frozen: '冻结权重', full: '全参数微调', fullWhy: 'bf16 梯度 + fp32 主权重、Adam 一阶与二阶矩',
    adapters: '适配器', ofParams: '的参数', kv: 'KV 缓存', kvLatent: 'KV 缓存（潜变量）', kvEst: 'KV 缓存（估算，未记录注意力结构）',
    layers: '层', tokens: '词元', heads: 'KV 头', dims: '维', window: '窗口', overhead: '开销', ofWeights: '权重的 10%', gpu: '块 GPU', total: '合计',
  },
};
const num = (n: number) => (Number.isInteger(n) ? String(n) : String(+n.toFixed(3)));

/** Bytes of KV cache per token of context, over all layers; undefined without an attention shape. */
export function kvBytesPerToken(arch: AttentionShape | undefined): number | undefined {
  if (!arch) return undefined;
  if (arch.kvLatent) return arch.layers * arch.kvLatent * KV_BYTES;
  if (!arch.kvHeads || !arch.headDim) return undefined;
  return 2 * arch.layers * arch.kvHeads * arch.headDim * KV_BYTES;
}

function kvCache(arch: AttentionShape | undefined, context: number, batch: number, w: (typeof W)['en']): { bytes: number; step: string } | undefined {
  if (!arch) return undefined;
  if (arch.kvLatent) {
    const bytes = arch.layers * arch.kvLatent * KV_BYTES * context * batch;
    return { bytes, step: `${w.kvLatent} = ${arch.layers} ${w.layers} × ${arch.kvLatent} × ${KV_BYTES} B × ${context} ${w.tokens} × ${batch} = ${gb(bytes)}` };
  }
  if (!arch.kvHeads || !arch.headDim) return undefined;
  const perLayerToken = 2 * arch.kvHeads * arch.headDim * KV_BYTES;
  const win = arch.window && arch.window.size < context ? arch.window : undefined;
  const full = arch.layers - (win?.layers ?? 0);
  const bytes = perLayerToken * batch * (full * context + (win ? win.layers * win.size : 0));
  const tokens = win
    ? `(${full} ${w.layers} × ${context} + ${win.layers} ${w.layers} × ${win.size} ${w.window}) ${w.tokens}`
    : `${arch.layers} ${w.layers} × ${context} ${w.tokens}`;
  return { bytes, step: `${w.kv} = 2 (K,V) × ${arch.kvHeads} ${w.heads} × ${arch.headDim} ${w.dims} × ${KV_BYTES} B × ${tokens} × ${batch} = ${gb(bytes)}` };
}

/**
 * KV cache when the attention shape is not recorded: 0.4 GB × √(parameters in billions) per 8,192 tokens
 * at fp16. Fitted with headroom to grouped-query models (Llama 3 1B/8B/70B/405B need 0.27, 1.07, 2.7 and
 * 4.2 GB per 8K tokens); models without grouped-query attention need more, so record their shape.
 */
export const KV_ALLOWANCE_GB = 0.4;

export function kvAllowance(params: number, context: number, batch: number): number {
  return KV_ALLOWANCE_GB * GB * Math.sqrt(params / 1e9) * (context / 8192) * batch;
}

/** Memory for inference, or for fine-tuning with `finetune`, with its arithmetic. */
export function estimateMemory(r: MemoryRequest): MemoryEstimate {
  const w = W[r.lang ?? 'en'];
  const steps: string[] = [];
  const p = fmtParams(r.params);
  let weights: number;
  let training = 0;
  if (r.finetune === 'full') {
    weights = r.params * BYTES_PER_PARAM.bf16;
    training = r.params * (TRAIN_BYTES_PER_PARAM - BYTES_PER_PARAM.bf16);
    steps.push(`${w.weights} = ${p} × 2 B (bf16) = ${gb(weights)}`);
    steps.push(`${w.full} = ${p} × ${TRAIN_BYTES_PER_PARAM - 2} B (${w.fullWhy}) = ${gb(training)}`);
  } else if (r.finetune === 'lora' || r.finetune === 'qlora') {
    const bpp = r.finetune === 'qlora' ? NF4_BYTES : BYTES_PER_PARAM.bf16;
    weights = r.params * bpp;
    training = r.params * ADAPTER_SHARE * TRAIN_BYTES_PER_PARAM;
    const name = r.finetune === 'qlora' ? 'QLoRA' : 'LoRA';
    steps.push(`${w.frozen} = ${p} × ${num(bpp)} B (${r.finetune === 'qlora' ? 'NF4' : 'bf16'}) = ${gb(weights)}`);
    steps.push(`${name} ${w.adapters} = ${ADAPTER_SHARE * 100}% ${w.ofParams} × ${TRAIN_BYTES_PER_PARAM} B = ${gb(training)}`);
  } else {
    weights = r.params * BYTES_PER_PARAM[r.precision];
    steps.push(`${w.weights} = ${p} × ${num(BYTES_PER_PARAM[r.precision])} B (${r.precision}) = ${gb(weights)}`);
  }
  const kv = kvCache(r.arch, r.context, r.batch, w);
  const kvBytes = kv ? kv.bytes : kvAllowance(r.params, r.context, r.batch);
  steps.push(kv ? kv.step : `${w.kvEst} = ${KV_ALLOWANCE_GB} GB × √${num(r.params / 1e9)} × ${r.context} / 8192 ${w.tokens} × ${r.batch} = ${gb(kvBytes)}`);
  const overhead = weights * OVERHEAD_SHARE + OVERHEAD_FIXED * r.gpus;
  steps.push(`${w.overhead} = ${w.ofWeights} + 1 GB × ${r.gpus} ${w.gpu} = ${gb(overhead)}`);
  const total = weights + kvBytes + training + overhead;
  steps.push(`${w.total} = ${gb(total)}`);
  return { weights, kvCache: kvBytes, kvEstimated: !kv, training, overhead, total, steps };
}

/** Memory usable for the estimate: 90% of the GPUs' memory. */
export function usableMemory(gpuMemory: number, gpus: number): number {
  return gpuMemory * gpus * USABLE_SHARE;
}

export function fits(e: MemoryEstimate, gpuMemory: number, gpus: number): boolean {
  return e.total <= usableMemory(gpuMemory, gpus);
}

/** The rule, spelled out for the answer. */
export function memoryRule(lang: 'en' | 'zh' = 'en'): string {
  return lang === 'zh'
    ? '显存 = 权重（参数量 × 每参数字节：fp32 4、bf16/fp16 2、fp8/int8 1、mxfp4 0.53、int4 0.5）+ KV 缓存（2 × 层数 × KV 头数 × 头维度 × 2 字节 × 上下文 × 批量；未记录结构时按每 8K 词元 0.4 GB × √参数量（十亿）估算）+ 开销（权重的 10% + 每块 GPU 1 GB）；只有不超过 GPU 显存的 90% 才算放得下；混合专家模型按总参数计；1 GB = 10^9 字节'
    : 'memory = weights (parameters × bytes per parameter: fp32 4, bf16/fp16 2, fp8/int8 1, mxfp4 0.53, int4 0.5) + KV cache (2 × layers × KV heads × head dim × 2 B × context × batch; estimated as 0.4 GB × √(parameters in B) per 8K tokens when the attention shape is not recorded) + overhead (10% of weights + 1 GB per GPU); it fits only within 90% of the GPU memory; mixture-of-experts models count total parameters; 1 GB = 10^9 bytes';
}

/** "24GB", "24 GB", "24G", "80", "24GiB", "512MB" → bytes; null if malformed. Plain numbers are GB. */
export function parseMemory(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(GB|G|GIB|MB|M|MIB|TB|T|TIB)?\s*$/i.exec(s);
  if (!m) return null;
  const unit = (m[2] ?? 'GB').toUpperCase();
  const mult: Record<string, number> = {
    GB: 1e9, G: 1e9, GIB: 2 ** 30, MB: 1e6, M: 1e6, MIB: 2 ** 20, TB: 1e12, T: 1e12, TIB: 2 ** 40,
  };
  const v = Number(m[1]) * mult[unit];
  return v > 0 ? v : null;
}

export function formatBytes(b: number): string {
  const g = b / GB;
  return `${+g.toFixed(g < 10 ? 1 : 0)} GB`;
}

function fmtParams(n: number): string {
  if (n >= 1e12) return `${+(n / 1e12).toFixed(2)}T`;
  if (n >= 1e9) return `${+(n / 1e9).toFixed(2)}B`;
  return `${+(n / 1e6).toFixed(1)}M`;
}
