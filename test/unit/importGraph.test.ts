/**
 * The source's import graph (issue 28): no circle, and no arrow up — the wire, the simulator and the portfolio
 * never reach the editor's floors (views, panels, commands, chat), and the panels and views never reach the
 * commands. Read from the files themselves (static, dynamic and type-only imports, re-exports), so a new file is
 * checked without being listed.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative module a file imports, as a path under src/ without extension. */
export function importsOf(file: string, text: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s+'(\.[^']+)'/g, /\bimport\(\s*'(\.[^']+)'\s*\)/g, /^import\s+'(\.[^']+)'/gm];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const target = path.join(path.dirname(file), match[1] ?? '');
      found.add(path.relative(SRC, target).replace(/\.(ts|js)$/, '').split(path.sep).join('/'));
    }
  }
  return [...found];
}

function graph(): Map<string, string[]> {
  const nodes = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const id = path.relative(SRC, file).replace(/\.ts$/, '').split(path.sep).join('/');
    nodes.set(id, importsOf(file, readFileSync(file, 'utf8')));
  }
  // An import of a folder's index.
  for (const [id, targets] of nodes) nodes.set(id, targets.map((t) => (nodes.has(t) ? t : nodes.has(`${t}/index`) ? `${t}/index` : t)));
  return nodes;
}

/** The circles of the graph: each as its modules in order, the first repeated at the end. */
export function circles(nodes: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of nodes.get(id) ?? []) {
      if (!nodes.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...nodes.keys()].sort()) if (state.get(id) === undefined) visit(id);
  return found;
}

/** Floors, lowest first: a module may import its own floor and those below, never one above. */
const FLOORS: readonly (readonly string[])[] = [
  ['decimal', 'okx', 'simulator'],
  ['portfolio'],
  ['views', 'panels'],
  ['commands', 'chat'],
];

function floorOf(id: string): number | undefined {
  const top = id.split('/')[0] ?? '';
  const index = FLOORS.findIndex((floor) => floor.includes(top));
  return index < 0 ? undefined : index;
}

describe('the import graph of src/ (issue 28)', () => {
  const nodes = graph();

  it('has no circle', () => {
    assert.ok(nodes.size > 100, `read ${nodes.size} modules`);
    assert.deepEqual(circles(nodes).map((c) => c.join(' → ')), []);
  });

  it('has no arrow up: the wire, simulator and portfolio below the editor, views and panels below the commands', () => {
    const up: string[] = [];
    for (const [id, targets] of nodes) {
      const from = floorOf(id);
      for (const target of targets) {
        const to = floorOf(target);
        if (from !== undefined && to !== undefined && to > from) up.push(`${id} → ${target}`);
      }
    }
    assert.deepEqual(up, []);
  });

  it('finds a circle and an arrow up where there is one (the check itself)', () => {
    assert.deepEqual(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c', 'a']]);
    assert.deepEqual(importsOf(path.join(SRC, 'panels', 'x.ts'), "import type { A } from '../commands/moneyAction';\nconst m = import('./y');"), ['commands/moneyAction', 'panels/y']);
  });
});
