/** The live bar chart: models per organisation among those drawn, open vs closed; a click filters by it. */
import { isOpen } from '../../src/graph/index.js';
import type { Catalog, Model } from '../../src/catalog/core.js';
import { STRINGS, type Lang } from './i18n.js';
import { h } from './dom.js';

type Count = { open: number; closed: number };

/** The 15 organisations with the most models among `models`, most first. */
function chartRows(models: Model[]): [string, Count][] {
  const counts = new Map<string, Count>();
  for (const m of models) {
    const open = isOpen(m);
    for (const o of m.organizations) {
      const c = counts.get(o) ?? { open: 0, closed: 0 };
      if (open) c.open++;
      else c.closed++;
      counts.set(o, c);
    }
  }
  return [...counts].sort((a, b) => b[1].open + b[1].closed - (a[1].open + a[1].closed) || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
}

/**
 * Draw the chart into `list`. A row already showing the same organisation is updated in place (a filter
 * change mostly changes counts), so a redraw writes a few attributes instead of building 15 buttons.
 */
export function renderChart(list: HTMLElement, catalog: Catalog, models: Model[], selectedOrgs: string[], lang: Lang, toggle: (org: string) => void): void {
  const s = STRINGS[lang];
  const rows = chartRows(models);
  const max = Math.max(1, ...rows.map(([, c]) => c.open + c.closed));
  for (const [i, [org, c]] of rows.entries()) {
    const name = catalog.organizations.get(org)?.name ?? org;
    const label = `${name}: ${c.open} ${s.chartOpen}, ${c.closed} ${s.chartClosed}`;
    const li = list.children[i] as HTMLElement | undefined;
    let b = li?.firstElementChild as HTMLButtonElement | null | undefined;
    if (!b || b.dataset.org !== org) {
      b = h('button', { type: 'button', 'data-org': org }, h('span', { class: 'org' }, name), h('span', { class: 'bars', 'aria-hidden': 'true' }, h('span', { class: 'open' }), h('span', { class: 'closed' })), h('span', { class: 'n', 'aria-hidden': 'true' }));
      b.addEventListener('click', () => toggle(org));
      if (li) li.replaceChildren(b);
      else list.append(h('li', {}, b));
    }
    setAttr(b, 'aria-pressed', String(selectedOrgs.includes(org)));
    setAttr(b, 'aria-label', label);
    const [open, closed] = b.querySelectorAll<HTMLElement>('.bars > span');
    setAttr(open, 'style', `width:${(100 * c.open) / max}%`);
    setAttr(closed, 'style', `width:${(100 * c.closed) / max}%`);
    const n = b.lastElementChild!;
    if (n.textContent !== String(c.open + c.closed)) n.textContent = String(c.open + c.closed);
  }
  while (list.children.length > rows.length) list.lastElementChild!.remove();
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
