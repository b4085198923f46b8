/** Dates as sources write them → the catalog's `YYYY`, `YYYY-MM`, `YYYY-MM-DD`. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date from ISO text, a YAML Date, "2023-07", "July 18, 2023"; undefined when it is not one. */
export function toDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v >= 1950 && v <= 2100 && Number.isInteger(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ].*)?$/.exec(s);
  if (m) return build(m[1], m[2], m[3]);
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return build(m[3], String(MONTHS.indexOf(m[1].toLowerCase()) + 1), m[2]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s); // Epoch's older exports: M/D/YYYY
  if (m) return build(m[3], m[1], m[2]);
  return undefined;
}

function build(y: string, m?: string, d?: string): string | undefined {
  const year = Number(y);
  if (year < 1950 || year > 2100) return undefined;
  if (!m) return y;
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (!d) return `${y}-${mm}`;
  const day = Number(d);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return undefined;
  return `${y}-${mm}-${String(day).padStart(2, '0')}`;
}

/** Midpoint of a date's span, in days since the epoch (a year's midpoint is 1 July). */
export function midDay(d: string): number {
  const [y, m, day] = d.split('-').map(Number);
  if (m === undefined) return Date.UTC(y, 6, 1) / 864e5;
  if (day === undefined) return Date.UTC(y, m - 1, 15) / 864e5;
  return Date.UTC(y, m - 1, day) / 864e5;
}

/** Whether two dates are further apart than `days`, allowing for each one's precision. */
export function datesDisagree(a: string, b: string, days = 31): boolean {
  const slack = (d: string) => (d.length === 4 ? 183 : d.length === 7 ? 15 : 0);
  return Math.abs(midDay(a) - midDay(b)) > days + slack(a) + slack(b);
}
