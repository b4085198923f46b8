/** Plain-text tables and CSV for CLI output. */
import { cells } from '../layout/text.js';

/**
 * An aligned plain-text table. Cells longer than `maxCell` columns wrap at spaces onto further lines
 * of the same row, so one long licence condition does not push every other column off the screen.
 */
export function table(headers: string[], rows: string[][], maxCell = 48): string {
  const wrapped = rows.map((r) => r.map((c) => wrap(c ?? '', maxCell)));
  const widths = headers.map((h, i) => Math.max(width(h), ...wrapped.map((r) => Math.max(0, ...r[i].map(width)))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ').trimEnd();
  const out = [line(headers), line(widths.map((w) => '─'.repeat(w)))];
  for (const r of wrapped) {
    const height = Math.max(...r.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(r.map((c) => c[k] ?? '')));
  }
  return out.join('\n') + '\n';
}

/** Split text into lines of at most `max` columns, at spaces where possible. */
export function wrap(text: string, max: number): string[] {
  if (width(text) <= max) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (width(candidate) <= max || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Display width in terminal columns: the figure's own cell count (CJK two, combining marks none). */
export const width = cells;

export function csv(headers: string[], rows: string[][]): string {
  const cell = (s: string) => {
    // Cells that a spreadsheet would run as a formula are prefixed with a quote.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [headers, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) + '\n';
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return deepJson(value) + '\n'; // nested too deep for the native serialiser (a long lineage chain)
  }
}

/**
 * JSON of plain data without recursion, laid out like JSON.stringify(v, null, 2) except that
 * indentation stops growing after 16 levels (so a 100,000-level tree stays linear in size).
 */
const PADS = Array.from({ length: 17 }, (_, d) => '\n' + '  '.repeat(d));

export function deepJson(value: unknown): string {
  const out: string[] = [];
  const pad = (d: number) => PADS[Math.min(d, 16)];
  type Frame = { entries: [string | null, unknown][]; i: number; close: string; depth: number };
  const open = (v: unknown, depth: number): Frame | undefined => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      const arr = Array.isArray(v);
      const entries: [string | null, unknown][] = arr
        ? v.map((x) => [null, x === undefined || typeof x === 'function' ? null : x])
        : Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function');
      if (!entries.length) return void out.push(arr ? '[]' : '{}');
      out.push(arr ? '[' : '{');
      return { entries, i: 0, close: arr ? ']' : '}', depth };
    }
    out.push(JSON.stringify(v) ?? 'null');
    return undefined;
  };
  const stack: Frame[] = [];
  const first = open(value, 0);
  if (first) stack.push(first);
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i === f.entries.length) {
      stack.pop();
      out.push(pad(f.depth) + f.close);
      continue;
    }
    const [k, v] = f.entries[f.i];
    out.push((f.i++ ? ',' : '') + pad(f.depth + 1) + (k === null ? '' : JSON.stringify(k) + ': '));
    const child = open(v, f.depth + 1);
    if (child) stack.push(child);
  }
  return out.join('');
}
