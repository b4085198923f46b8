import { UsageError } from './errors.js';
import { suggest } from '../catalog/core.js';

/** Check a `--format`-style value against the allowed ones. */
export function outputFormat<T extends string>(value: string, allowed: readonly T[], flag = '--format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const s = suggest(value, allowed);
  throw new UsageError(`${flag}: unknown value "${value}"${s.length ? ` (did you mean "${s[0]}"?)` : ''}; expected one of ${allowed.join(', ')}`);
}
