/** Release dates keep their precision: "2023", "2023-07", "2023-07-18". */

/** Earliest day a date string may mean, as YYYY-MM-DD. */
export function earliest(d: string): string {
  return d.length === 10 ? d : d.length === 7 ? d + '-01' : d + '-01-01';
}

/** Latest day a date string may mean, as YYYY-MM-DD. */
export function latest(d: string): string {
  if (d.length === 10) return d;
  const [y, m] = d.split('-');
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(+y, +m, 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** A representative instant for placing a date on a time axis: the middle of its span, in fractional years. */
export function toYearFraction(d: string): number {
  const a = Date.parse(earliest(d) + 'T00:00:00Z');
  const b = Date.parse(latest(d) + 'T23:59:59Z');
  const mid = new Date((a + b) / 2);
  const y = mid.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (mid.getTime() - start) / (end - start);
}

export function year(d: string): number {
  return Number(d.slice(0, 4));
}

/** Compare by earliest meaning, then by precision (coarser first). */
export function compareDates(a: string, b: string): number {
  const ea = earliest(a);
  const eb = earliest(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.length - b.length;
}

/** Parse a user's date bound ("2023", "2023-06", "2023-06-01"); null if malformed. */
export function parseDateBound(s: string): string | null {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) return null;
  const [y, m, d] = s.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return null; // 2023-13
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())) return null; // 2023-02-30
  return s;
}

export function todayUTC(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
