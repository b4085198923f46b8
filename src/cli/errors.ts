/** Errors that end the CLI with a message and an exit code, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Longest part of an argument echoed in a message. */
const MAX_SHOWN = 120;

/** An argument as a message shows it: cut to MAX_SHOWN characters (control characters are escaped on output). */
export function shown(s: string): string {
  const chars = [...s.slice(0, MAX_SHOWN * 2)];
  return chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN).join('') + '…' : s;
}

export { escapeControls } from '../catalog/issues.js';
