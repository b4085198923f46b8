/** A problem found in the catalog, located in a file. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatIssue(i: Issue): string {
  return escapeControls(`${i.file}:${i.line}:${i.col}: ${i.message}`, true);
}

/** Thrown when a catalog cannot be used; carries every issue found. */
export class CatalogError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`${issues.length} catalog error${issues.length === 1 ? '' : 's'}:\n` + issues.map(formatIssue).join('\n'));
    this.name = 'CatalogError';
  }
}

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Surrogate}/gu;
const CONTROLS_ALL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Surrogate}/gu;

/**
 * Text for the terminal: control characters (ESC, BEL, …, but not newlines or tabs), bidirectional
 * overrides and lone surrogates (with `newlines`, also line breaks and tabs) become visible escapes such as `\x1b`, so an argument or a file
 * cannot rewrite the terminal.
 */
export function escapeControls(s: string, newlines = false): string {
  return s.replace(newlines ? CONTROLS_ALL : CONTROLS, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
