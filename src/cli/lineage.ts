import type { Command } from 'commander';
import { ancestors, descendants, lineageText } from '../graph/index.js';
import { modelCommand } from './context.js';
import { json } from './format.js';

export function registerLineage(program: Command): void {
  modelCommand(program, 'lineage', "a model's ancestors and descendants as indented trees", (catalog, m, format) => {
    const up = ancestors(catalog, m);
    const down = descendants(catalog, m);
    if (format === 'json') return void process.stdout.write(json({ model: m.id, ancestors: up, descendants: down }));
    const out = [
      'Ancestors (each line comes from the one above it by the relation shown):',
      ...lineageText(up, '←').map((l) => '  ' + l),
      '',
      'Descendants:',
      ...lineageText(down, '→').map((l) => '  ' + l),
    ];
    process.stdout.write(out.join('\n') + '\n');
  });
}
