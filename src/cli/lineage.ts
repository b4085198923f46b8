import type { Command } from 'commander';
import { ancestors, descendants, lineageText } from '../graph/index.js';
import { catalogDir, loadOrExit, findModel } from './context.js';
import { json } from './format.js';
import { outputFormat } from './options.js';

export function registerLineage(program: Command): void {
  program
    .command('lineage')
    .description("a model's ancestors and descendants as indented trees")
    .argument('<model>', 'model id or alias')
    .option('--catalog <dir>', 'catalog folder')
    .option('--format <format>', 'text or json', 'text')
    .action(async (query: string, o: { catalog?: string; format: string }) => {
      const format = outputFormat(o.format, ['text', 'json']);
      const catalog = await loadOrExit(catalogDir(o.catalog));
      const m = findModel(catalog, query);
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
