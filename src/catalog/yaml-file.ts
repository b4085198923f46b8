/**
 * Parse one YAML file and keep a way back from data paths to line and column.
 * The fast path parses with js-yaml; the position-keeping `yaml` parser runs only for
 * files that have something to report, so a clean catalog loads quickly.
 */
import { createRequire } from 'node:module';
import jsyaml from 'js-yaml';
import type * as YamlLib from 'yaml';
import type { Issue } from './issues.js';
import { MISS, type ParseMemo } from './parse-memo.js';

export type PathKey = string | number;

export interface YamlFile {
  file: string;
  data: unknown;
  /** Line and column (1-based) of the value at `path`, or of its closest existing ancestor. */
  locate(path: readonly PathKey[]): { line: number; col: number };
  issue(path: readonly PathKey[], message: string): Issue;
  /** The plain scalar written at `path`, as it stands in the text (e.g. `0x7E7`). */
  token(path: readonly PathKey[]): string;
}

const requireCjs = createRequire(import.meta.url);
let yamlLib: typeof YamlLib | undefined;

/** Thrown by the parser's listener at the first anchor: catalog files may not use anchors or aliases. */
class AnchorError extends Error {
  constructor(readonly anchor: string) {
    super('anchor');
  }
}

/**
 * Refuse YAML anchors (`&x`) and so aliases (`*x`, which need an anchor): data as code is reviewed
 * line by line, and an alias can expand a small file into an enormous value (an "alias bomb").
 */
function noAnchors(event: jsyaml.EventType, state: jsyaml.State): void {
  const anchor = (state as unknown as { anchor: string | null }).anchor;
  if (event === 'close' && anchor !== null) throw new AnchorError(anchor);
}

/** Where `&name` first appears in the text as an anchor. */
function anchorAt(text: string, name: string): { line: number; col: number } {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(^|[\\s\\[{,:-])&${esc}(?=[\\s,\\]}]|$)`, 'm').exec(text);
  if (!m) return { line: 1, col: 1 };
  const at = m.index + m[1].length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, col: at - before.lastIndexOf('\n') };
}

export function parseYamlFile(file: string, text: string, memo?: ParseMemo): { doc?: YamlFile; issues: Issue[] } {
  let data: unknown = memo ? memo.get(text) : MISS;
  try {
    if (data === MISS) {
      data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file, listener: noAnchors });
      memo?.set(text, data);
    }
  } catch (e) {
    if (e instanceof AnchorError)
      return { issues: [{ file, ...anchorAt(text, e.anchor), message: `YAML anchors and aliases (&${e.anchor.slice(0, 40)}, *${e.anchor.slice(0, 40)}) are not supported in catalog files: write the values out` }] };
    const err = e as { reason?: string; mark?: { line: number; column: number }; message: string };
    let line = (err.mark?.line ?? 0) + 1;
    let col = (err.mark?.column ?? 0) + 1;
    const several = !err.mark && /single document/.test(err.message);
    if (several) ({ line, col } = secondDocument(text));
    return { issues: [{ file, line, col, message: `YAML syntax error: ${err.reason ?? err.message.split('\n')[0]}${several ? ' (one document per file: remove the extra "---")' : ''}` }] };
  }
  let locator: ((path: readonly PathKey[]) => { line: number; col: number }) | undefined;
  const locate = (path: readonly PathKey[]) => (locator ??= makeLocator(text))(path);
  const token = (path: readonly PathKey[]) => {
    const { line, col } = locate(path);
    const start = text.split('\n', line)[line - 1] ?? '';
    return /^[^\s#,\]}]*/.exec(start.slice(col - 1))![0];
  };
  return { doc: { file, data, locate, token, issue: (path, message) => ({ file, ...locate(path), message }) }, issues: [] };
}

/** Where a second YAML document starts: the `---` that follows content. */
function secondDocument(text: string): { line: number; col: number } {
  const lines = text.split(/\r?\n/);
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^---(\s|$)/.test(lines[i]) && content) return { line: i + 1, col: 1 };
    if (/^---(\s|$)/.test(lines[i])) content = /^---\s+\S/.test(lines[i]) && !/^---\s+#/.test(lines[i]);
    else if (/^\.\.\.(\s|$)/.test(lines[i])) content = true;
    else if (lines[i].trim() && !/^\s*#/.test(lines[i]) && !/^%/.test(lines[i])) content = true;
  }
  return { line: 1, col: 1 };
}

function makeLocator(text: string): (path: readonly PathKey[]) => { line: number; col: number } {
  yamlLib ??= requireCjs('yaml') as typeof YamlLib;
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = yamlLib;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => {
    let node: unknown = doc.contents;
    let offset = (node as YamlLib.Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (pair) {
          next = pair.value ?? pair.key;
          if (!pair.value && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
        }
      } else if (isSeq(node) && typeof key === 'number') next = node.items[key];
      if (!next) break;
      node = next;
      offset = (node as YamlLib.Node).range?.[0] ?? offset;
    }
    return lineCounter.linePos(offset);
  };
}
