#!/usr/bin/env node
// `llmtree render` with nothing else registered: used by bench/render.mjs when dist/cli/main.js has no render yet.
import { Command } from 'commander';
import { registerRender } from '../dist/cli/render.js';
const program = new Command('llmtree');
registerRender(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.stderr.write(`llmtree: ${e.message}\n`);
  process.exitCode = e.exitCode ?? 1;
}
