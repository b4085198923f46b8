#!/usr/bin/env node
/** The llmtree command line: a thin layer over the library; exits only here. */
import { Command, CommanderError } from 'commander';
import { UsageError, escapeControls } from './errors.js';
import { registerValidate } from './validate.js';
import { registerList } from './list.js';
import { registerShow } from './show.js';
import { registerLineage } from './lineage.js';
import { registerStats } from './stats.js';
import { registerFreshness } from './freshness.js';
import { registerLicenses } from './licenses.js';
import { registerRender } from './render.js';
import { registerExtras } from './extras.js';
import { registerImport, registerCrosscheck } from '../import/cli.js';
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

registerValidate(program);
registerList(program);
registerShow(program);
registerLineage(program);
registerStats(program);
registerFreshness(program);
registerLicenses(program);
registerRender(program);
registerExtras(program);
registerImport(program);
registerCrosscheck(program);
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
