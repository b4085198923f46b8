/** Commands that live in their own modules (render, guide), registered when they exist. */
import type { Command } from 'commander';
import { registerGuide } from './guide.js';
import { registerServe } from './serve.js';

export function registerExtras(program: Command): void {
  registerGuide(program);
  registerServe(program);
}
