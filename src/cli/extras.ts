/** Commands that live in their own modules (render, guide), registered when they exist. */
import type { Command } from 'commander';

export function registerExtras(_program: Command): void {}
