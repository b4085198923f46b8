/** Numeric flags: one parser, so every command words its errors the same way. */
import { UsageError, shown } from './errors.js';

export interface NumberRule {
  /** Least allowed value (inclusive). */
  min?: number;
  /** Greatest allowed value (inclusive). */
  max?: number;
  /** The value must be greater than this (exclusive), e.g. 0 for a positive number. */
  above?: number;
  whole?: boolean;
  /** What the flag takes, for the error: "a price in USD per million tokens, e.g. 2.5". */
  what?: string;
}

function bounds(r: NumberRule): string {
  const kind = r.whole ? 'a whole number' : 'a number';
  if (r.min !== undefined && r.max !== undefined) return `${kind} from ${r.min} to ${r.max}`;
  if (r.above !== undefined) return `${kind} above ${r.above}${r.max !== undefined ? ` up to ${r.max}` : ''}`;
  if (r.min !== undefined) return `${kind} of at least ${r.min}`;
  return `${kind} up to ${r.max}`;
}

/** Parse a flag's value as a number that follows `rule`, or throw a usage error naming the flag. */
export function numberFlag(flag: string, v: string, rule: NumberRule = {}): number {
  const n = Number(v);
  const what = rule.what ?? (rule.whole ? 'a whole number' : 'a number');
  if (v.trim() === '' || !Number.isFinite(n) || (rule.whole && !Number.isInteger(n))) throw new UsageError(`${flag}: "${shown(v)}" is not ${what}`);
  const low = (rule.min !== undefined && n < rule.min) || (rule.above !== undefined && n <= rule.above);
  if (low || (rule.max !== undefined && n > rule.max)) throw new UsageError(`${flag}: ${n} is out of range; use ${bounds(rule)}`);
  return n;
}

/** The same for an optional flag. */
export function optionalNumber(flag: string, v: string | undefined, rule: NumberRule = {}): number | undefined {
  return v === undefined ? undefined : numberFlag(flag, v, rule);
}
