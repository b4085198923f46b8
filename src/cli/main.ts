#!/usr/bin/env node
/** The llmtree command line: a thin layer over the library; exits only here. */
import { Command, CommanderError } from 'commander';
import { UsageError, escapeControls } from './errors.js';
import { addDbOption } from './context.js';

// A closed pipe (`llmtree list | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('llmtree')
  .description('The LLM evolutionary tree from a curated, validated catalog of language models')
  .version('0.1.0')
  .showSuggestionAfterError(true)
  .exitOverride();
program.configureOutput({ outputError: (s, write) => write(escapeControls(s)) });

/**
 * Each command's module, loaded only when it is the command run (start-up is most of a quick command's
 * time); help, a version or an unknown command loads them all, in this order, as before.
 */
type Register = (program: Command) => void;
const COMMANDS: [string[], () => Promise<Register>][] = [
  [['validate'], async () => (await import('./validate.js')).registerValidate],
  [['list'], async () => (await import('./list.js')).registerList],
  [['show'], async () => (await import('./show.js')).registerShow],
  [['lineage'], async () => (await import('./lineage.js')).registerLineage],
  [['stats'], async () => (await import('./stats.js')).registerStats],
  [['freshness'], async () => (await import('./freshness.js')).registerFreshness],
  [['licenses'], async () => (await import('./licenses.js')).registerLicenses],
  [['render'], async () => (await import('./render.js')).registerRender],
  [['guide', 'serve', 'site'], async () => (await import('./extras.js')).registerExtras],
  [['import'], async () => (await import('../import/cli.js')).registerImport],
  [['crosscheck'], async () => (await import('../import/cli.js')).registerCrosscheck],
];
const named = COMMANDS.filter(([names]) => names.includes(process.argv[2] ?? ''));
for (const [, load] of named.length ? named : COMMANDS) (await load())(program);
addDbOption(program, ['list', 'show', 'lineage', 'stats', 'render']);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version exit 0; bad flags and unknown commands exit 2.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError) {
    process.stderr.write(`llmtree: ${escapeControls(e.message)}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`llmtree: ${escapeControls((e as Error).message)}\n`);
    process.exitCode = 1;
  }
}
