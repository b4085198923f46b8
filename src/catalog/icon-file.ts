/** Where an organisation's icon file is, if it is safe to read. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** An icon's file must lie inside the catalog folder (after symlinks), be small, and be a parsable SVG. */
export const MAX_ICON_BYTES = 256 * 1024;

export function iconFile(dir: string, icon: string): { file?: string; problem?: string } {
  const root = resolve(dir);
  const inside = (f: string, r: string) => {
    const rel = relative(r, f);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const file = resolve(root, icon);
  if (isAbsolute(icon) || !inside(file, root)) return { problem: `icon "${icon}" is outside the catalog folder` };
  if (!existsSync(file)) return { problem: `icon file "${icon}" not found` };
  let real: string;
  try {
    real = realpathSync(file);
    if (!inside(real, realpathSync(root))) return { problem: `icon "${icon}" is outside the catalog folder (through a link)` };
    const st = statSync(real);
    if (!st.isFile()) return { problem: `icon "${icon}" is not a file` };
    if (st.size > MAX_ICON_BYTES) return { problem: `icon "${icon}" is ${st.size} bytes; icons may be at most ${MAX_ICON_BYTES} bytes` };
  } catch (e) {
    return { problem: `icon "${icon}" cannot be read: ${(e as Error).message}` };
  }
  return { file: real };
}

