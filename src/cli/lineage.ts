import type { Command } from 'commander';
import { ancestors, descendants, lineageText, type LineageNode } from '../graph/index.js';
import { MAX_INDENT_DEPTH } from '../graph/lineage.js';
import type { Model } from '../catalog/core.js';
import { hubSourceOf, walkDescendants, type LineageStep, type LineageVisitor } from '../store/hub-lineage.js';
import { modelCommand } from './context.js';
import { json } from './format.js';
import { numberFlag } from './numbers.js';

interface LineageFlags {
  depth?: string;
  count?: boolean;
}

export function registerLineage(program: Command): void {
  modelCommand(program, 'lineage', "a model's ancestors and descendants as indented trees", (catalog, m, format) => {
    const o = cmd.opts() as LineageFlags;
    const depth = o.depth === undefined ? Infinity : numberFlag('--depth', o.depth, { min: 0, whole: true });
    const up = ancestors(catalog, m);
    const hub = hubSourceOf(catalog);
    if (!hub && depth === Infinity && !o.count) return void printTree(up, descendants(catalog, m), format);
    // Streamed: the descendants are printed as they are walked (a Hub lineage can have 100k nodes).
    const out = new Output();
    const walk = (v: LineageVisitor) => (hub ? walkDescendants(hub, m, v, depth) : walkTree(descendants(catalog, m), v, depth));
    if (o.count) return void printCount(out, m, up, walk, format);
    if (format === 'json') {
      out.write(`{"model": ${JSON.stringify(m.id)}, "ancestors": ${json(up).trimEnd()}, "descendants":\n`);
      walk(jsonSink(out));
      out.write('\n}\n');
    } else {
      out.write(['Ancestors (each line comes from the one above it by the relation shown):', ...lineageText(up, '←').map((l) => '  ' + l), '', 'Descendants:', ''].join('\n'));
      walk(textSink(out, '  '));
    }
    out.flush();
  });
  const cmd = program.commands.find((c) => c.name() === 'lineage')!;
  cmd
    .option('--depth <n>', 'show descendants at most this many levels down')
    .option('--count', 'print counts of the descendants instead of the trees');
}

function printTree(up: LineageNode, down: LineageNode, format: 'text' | 'json'): void {
  if (format === 'json') return void process.stdout.write(json({ model: up.id, ancestors: up, descendants: down }));
  const out = [
    'Ancestors (each line comes from the one above it by the relation shown):',
    ...lineageText(up, '←').map((l) => '  ' + l),
    '',
    'Descendants:',
    ...lineageText(down, '→').map((l) => '  ' + l),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

/** Standard output in 64 KB writes. */
class Output {
  private parts: string[] = [];
  private size = 0;
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 65536) this.flush();
  }
  flush(): void {
    if (this.parts.length) process.stdout.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** The lines lineageText gives, written as the walk goes. */
function textSink(out: Output, indent: string): LineageVisitor {
  const prefix: string[] = ['', ''];
  return {
    node(s) {
      if (s.depth === 0) return out.write(`${indent}${s.name} (${s.id}, ${s.released})\n`);
      const rel = s.relation ? ` → ${s.relation}` : '';
      const deep = s.depth > MAX_INDENT_DEPTH ? `[${s.depth}] ` : '';
      const p = prefix[s.depth];
      out.write(`${indent}${p}${s.last ? '└─ ' : '├─ '}${deep}${s.name} (${s.id}, ${s.released})${rel}${s.repeated ? ' …' : ''}\n`);
      prefix[s.depth + 1] = s.depth >= MAX_INDENT_DEPTH ? p : p + (s.last ? '   ' : '│  ');
    },
    up() {},
  };
}

/** The descendants tree as JSON (LineageNode objects), one node a line, indented by depth. */
function jsonSink(out: Output): LineageVisitor {
  const q = JSON.stringify;
  const indent = Array.from({ length: MAX_INDENT_DEPTH + 2 }, (_, d) => '  '.repeat(d));
  return {
    node(s) {
      const sep = s.depth === 0 ? '' : s.first ? '\n' : ',\n';
      const id = q(s.id);
      out.write(
        `${sep}${indent[Math.min(s.depth, MAX_INDENT_DEPTH) + 1]}{"id": ${id}, "name": ${s.name === s.id ? id : q(s.name)}, "released": ${q(s.released)}` +
          `${s.relation ? `, "relation": "${s.relation}"` : ''}${s.repeated ? ', "repeated": true' : ''}, "children": [${s.hasChildren ? '' : ']}'}`,
      );
    },
    up() {
      out.write(']}');
    },
  };
}

/** The same steps from a tree already built (a catalog without a Hub store). */
function walkTree(root: LineageNode, v: LineageVisitor, maxDepth: number): number {
  const step = (n: LineageNode, depth: number, i: number, of: number, kids: LineageNode[]): LineageStep => ({
    depth, id: n.id, name: n.name, released: n.released, relation: n.relation, repeated: !!n.repeated,
    first: i === 0, last: i === of - 1, hasChildren: kids.length > 0,
  });
  const top = maxDepth > 0 ? root.children : [];
  v.node(step(root, 0, 0, 1, top));
  const stack = top.length ? [{ kids: top, i: 0, depth: 1 }] : [];
  let count = 0;
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i >= f.kids.length) {
      stack.pop();
      v.up(f.depth - 1);
      continue;
    }
    const n = f.kids[f.i++];
    count++;
    const kids = f.depth < maxDepth ? n.children : [];
    v.node(step(n, f.depth, f.i - 1, f.kids.length, kids));
    if (kids.length) stack.push({ kids, i: 0, depth: f.depth + 1 });
  }
  return count;
}

function printCount(out: Output, m: Model, up: LineageNode, walk: (v: LineageVisitor) => number, format: 'text' | 'json'): void {
  let repeated = 0;
  let deepest = 0;
  const byRelation: Record<string, number> = {};
  const shown = walk({
    labels: false,
    node(s: LineageStep) {
      if (s.depth === 0) return;
      if (s.repeated) repeated++;
      else if (s.relation) byRelation[s.relation] = (byRelation[s.relation] ?? 0) + 1;
      if (s.depth > deepest) deepest = s.depth;
    },
    up() {},
  });
  let ancestorsCount = 0;
  walkTree(up, { node: (s) => void (s.depth && !s.repeated && ancestorsCount++), up() {} }, Infinity);
  const counts = { descendants: shown - repeated, repeated, depth: deepest, byRelation, ancestors: ancestorsCount };
  if (format === 'json') out.write(json({ model: m.id, ...counts }));
  else {
    const rel = Object.entries(byRelation).map(([k, n]) => `${k} ${n}`).join(', ');
    out.write(`${m.name} (${m.id}): ${counts.descendants} descendants${rel ? ` (${rel})` : ''}, ${deepest} levels deep; ${repeated} shown again (merges); ${counts.ancestors} ancestors\n`);
  }
  out.flush();
}
