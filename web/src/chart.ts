/** The live bar chart: models per organisation among those drawn, open vs closed; a click filters by it. */
import { isOpen } from '../../src/graph/index.js';
import type { Catalog, Model } from '../../src/catalog/core.js';
import { STRINGS, type Lang } from './i18n.js';
import { h, clear } from './dom.js';

export function renderChart(list: HTMLElement, catalog: Catalog, models: Model[], selectedOrgs: string[], lang: Lang, toggle: (org: string) => void): void {
  const s = STRINGS[lang];
  const counts = new Map<string, { open: number; closed: number }>();
  for (const m of models) {
    for (const o of m.organizations) {
      const c = counts.get(o) ?? { open: 0, closed: 0 };
      if (isOpen(m)) c.open++;
      else c.closed++;
      counts.set(o, c);
    }
  }
  const rows = [...counts].sort((a, b) => b[1].open + b[1].closed - (a[1].open + a[1].closed) || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
  const max = Math.max(1, ...rows.map(([, c]) => c.open + c.closed));
  clear(list);
  for (const [org, c] of rows) {
    const name = catalog.organizations.get(org)?.name ?? org;
    const pressed = selectedOrgs.includes(org);
    const b = h(
      'button',
      { type: 'button', 'data-org': org, 'aria-pressed': String(pressed), 'aria-label': `${name}: ${c.open} ${s.chartOpen}, ${c.closed} ${s.chartClosed}` },
      h('span', { class: 'org' }, name),
      h('span', { class: 'bars', 'aria-hidden': 'true' }, h('span', { class: 'open', style: `width:${(100 * c.open) / max}%` }), h('span', { class: 'closed', style: `width:${(100 * c.closed) / max}%` })),
      h('span', { class: 'n', 'aria-hidden': 'true' }, String(c.open + c.closed)),
    );
    b.addEventListener('click', () => toggle(org));
    list.append(h('li', {}, b));
  }
}
