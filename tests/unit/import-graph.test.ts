/**
 * The folders of src/ form layers: each may use the ones below it, never one that uses it back. A cycle between
 * two folders means neither can be read, tested or bundled without the other (the matcher once pulled the pack
 * schema, and with it valibot, toward the content script).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The folder of src/ a file belongs to, or null for a file at the top of src/. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0]! : null;
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

/** Folder → the folders and packages its files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (from === null) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const specifier of importsOf(file)) {
      const target = specifier.startsWith('.') ? folderOf(resolve(dirname(file), specifier)) : specifier;
      if (target !== null && target !== from) edges.add(target);
    }
  }
  return graph;
}

/** Every cycle, each written as the path of folders that closes it. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const at = path.indexOf(next);
      // Report each cycle once, from its alphabetically first folder.
      if (at === 0) found.push([...path, next].join(' → '));
      else if (at < 0 && next > path[0]!) visit(next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) visit(start, [start]);
  return found;
}

/** Everything a folder reaches through its imports, itself excluded. */
function reach(graph: Map<string, Set<string>>, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(graph.get(from) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return seen;
}

describe('the import graph of src/', () => {
  const graph = folderGraph();

  it('has no cycle between folders', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the matcher and the pack vocabulary free of the pack schema and its validator', () => {
    for (const folder of ['matcher', 'vocabulary']) {
      const reached = reach(graph, folder);
      expect(reached.has('knowledge'), `${folder} reaches knowledge`).toBe(false);
      expect(reached.has('valibot'), `${folder} reaches valibot`).toBe(false);
    }
  });

  it('sees the folders it checks', () => {
    // Guards the test itself: a pattern that matched nothing would find no cycle anywhere.
    expect(graph.get('knowledge')?.has('matcher')).toBe(true);
    expect(graph.get('knowledge')?.has('valibot')).toBe(true);
    expect(graph.get('matcher')?.has('vocabulary')).toBe(true);
  });

  it('finds a cycle when there is one', () => {
    const withCycle = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c', 'valibot'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycles(withCycle)).toEqual(['a → b → c → a']);
  });
});
