/** The search box: suggestions over names, ids and aliases (MiniSearch), a listbox that works by keyboard. */
import MiniSearch from 'minisearch';
import type { Catalog } from '../../src/catalog/core.js';
import { h, clear } from './dom.js';

interface Doc {
  id: string;
  name: string;
  aliases: string;
  orgs: string;
}

export function setupSearch(input: HTMLInputElement, list: HTMLUListElement, catalog: Catalog, choose: (id: string) => void): void {
  const index = new MiniSearch<Doc>({
    fields: ['name', 'id', 'aliases', 'orgs'],
    storeFields: ['name'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 3, id: 2, aliases: 1.5 } },
  });
  index.addAll(
    catalog.models.map((m) => ({
      id: m.id,
      name: m.name,
      aliases: m.aliases.join(' '),
      orgs: m.organizations.map((o) => catalog.organizations.get(o)?.name ?? o).join(' '),
    })),
  );
  let items: string[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', `sugg-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (id: string) => {
    close();
    input.value = catalog.byId.get(id)?.name ?? id;
    choose(id);
  };
  const update = () => {
    const q = input.value.trim();
    clear(list);
    if (!q) return close();
    const exact = catalog.resolve(q);
    const found = index.search(q).map((r) => r.id as string);
    items = [...new Set([...(exact ? [exact.id] : []), ...found])].slice(0, 8);
    items.forEach((id, i) => {
      const m = catalog.byId.get(id)!;
      const alias = m.aliases.find((a) => a.toLowerCase().includes(q.toLowerCase()));
      const li = h('li', { id: `sugg-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': id }, h('span', { class: 'name' }, m.name), h('span', { class: 'meta' }, alias && alias !== m.name ? ` ${alias} · ${m.released}` : ` ${m.released}`));
      li.addEventListener('pointerdown', (e) => {
        e.preventDefault();
        pick(id);
      });
      list.append(li);
    });
    active = items.length ? 0 : -1;
    list.hidden = !items.length;
    input.setAttribute('aria-expanded', String(!!items.length));
    mark();
  };
  input.addEventListener('input', update);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) update();
      if (!items.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      mark();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (list.hidden) update();
      const id = items[active] ?? items[0];
      if (id) pick(id);
    } else if (e.key === 'Escape') {
      close();
    }
  });
}
