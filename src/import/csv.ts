/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. Rows come with the line
 * they start on. A quote left open at the end of the file is reported, not silently merged.
 */
export interface CsvRow {
  cells: string[];
  line: number;
}

export function* parseCsv(text: string): Generator<CsvRow> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      if (i >= n) {
        cells.push(cell);
        break;
      }
      const c = text[i];
      if (c === '"' && cell === '') {
        const close = quoted(text, i + 1);
        if (close < 0) throw new SyntaxError(`line ${start}: a quoted field is not closed`);
        const raw = text.slice(i + 1, close);
        for (let k = raw.indexOf('\n'); k !== -1; k = raw.indexOf('\n', k + 1)) line++;
        cell = raw.replace(/""/g, '"');
        i = close + 1;
        continue;
      }
      if (c === ',') {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        cells.push(cell);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      cell += c;
      i++;
    }
    if (cells.length === 1 && cells[0] === '') continue; // blank line
    yield { cells, line: start };
  }
}

/** Index of the closing quote of a field whose text starts at `i`, or -1. */
function quoted(text: string, i: number): number {
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    if (text[q + 1] === '"') i = q + 2;
    else return q;
  }
}
