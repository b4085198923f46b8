/**
 * Text width without a DOM. The figure's face is DejaVu Sans Mono: every glyph advances 1233/2048 em.
 * Wide (CJK, full-width) characters are drawn from Noto Sans SC at 1 em; we count them as two cells (1.204 em).
 */
export const FONT_FAMILY = 'DejaVu Sans Mono';
export const CJK_FONT_FAMILY = 'Noto Sans S Chinese';
/** Advance of one monospace cell, in em. */
export const ADVANCE = 1233 / 2048;

/** East Asian wide and full-width code points (a compact subset of UAX #11 W/F). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Combining marks and zero-width characters take no cell. */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || cp === 0xfeff;
}

/** Below U+0300 no character is wide or zero-width: such a string takes one cell per character. */
const NARROW = /^[\u0000-\u02ff]*$/;

/** Width in monospace cells. */
export function cells(s: string): number {
  if (NARROW.test(s)) return s.length;
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isZeroWidth(cp)) continue;
    n += isWide(cp) ? 2 : 1;
  }
  return n;
}

export function textWidth(s: string, size: number): number {
  return cells(s) * ADVANCE * size;
}

export function hasWide(s: string): boolean {
  for (const ch of s) if (isWide(ch.codePointAt(0)!)) return true;
  return false;
}

/** Cut a string to at most `max` cells, ending in "…" when cut. */
export function truncate(s: string, max: number): string {
  if (cells(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (cells(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Break a label into at most `maxLines` lines of at most `max` cells, at spaces or after hyphens;
 * the last line is truncated when the text still does not fit.
 */
export function wrap(s: string, max: number, maxLines: number): string[] {
  if (cells(s) <= max) return [s];
  const words = s.split(/(?<=[\s-])/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cells((cur + w).trimEnd()) > max) {
      lines.push(cur.trimEnd());
      cur = '';
    }
    cur += w;
  }
  if (cur) lines.push(cur.trimEnd());
  if (lines.length > maxLines) {
    const head = lines.slice(0, maxLines - 1);
    return [...head, truncate(lines.slice(maxLines - 1).join(' '), max)];
  }
  return lines.map((l) => truncate(l, max));
}
