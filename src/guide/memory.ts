/** Will a model's weights fit in GPU memory? A stated rule of thumb, not a measurement. */

export const PRECISIONS = ['fp16', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per parameter at each precision. */
export const BYTES_PER_PARAM: Record<Precision, number> = { fp16: 2, int8: 1, int4: 0.5 };

/** Headroom over the raw weights for activations and the KV cache. */
export const OVERHEAD = 1.2;

export const GB = 1e9;

/** Estimated inference memory in bytes: parameters × bytes per parameter × 1.2. MoE models count total parameters. */
export function inferenceBytes(params: number, precision: Precision): number {
  return params * BYTES_PER_PARAM[precision] * OVERHEAD;
}

/** The rule, spelled out for the answer. */
export function memoryRule(precision: Precision, lang: 'en' | 'zh' = 'en'): string {
  const b = BYTES_PER_PARAM[precision];
  return lang === 'zh'
    ? `显存估算 = 参数量 × 每参数字节数（${precision} 为 ${b}；fp16 2、int8 1、int4 0.5）× ${OVERHEAD}（激活值与 KV 缓存的余量）；混合专家模型按总参数计；1 GB = 10^9 字节`
    : `memory = parameters × bytes per parameter (${precision}: ${b}; fp16 2, int8 1, int4 0.5) × ${OVERHEAD} overhead for activations and KV cache; mixture-of-experts models count total parameters; 1 GB = 10^9 bytes`;
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
  const gb = b / GB;
  return `${+gb.toFixed(gb < 10 ? 1 : 0)} GB`;
}
