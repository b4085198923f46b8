/** A problem found in the catalog, located in a file. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatIssue(i: Issue): string {
  return `${i.file}:${i.line}:${i.col}: ${i.message}`;
}

/** Thrown when a catalog cannot be used; carries every issue found. */
export class CatalogError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`${issues.length} catalog error${issues.length === 1 ? '' : 's'}:\n` + issues.map(formatIssue).join('\n'));
    this.name = 'CatalogError';
  }
}
