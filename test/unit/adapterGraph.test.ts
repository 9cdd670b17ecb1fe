// The adapter layer stays shallow: read src/vscode's imports (type-only ones too: they are
// dependencies all the same) and check the longest chain and who may reach the quiz UI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { root } from './paths';

const ADAPTERS = path.join(root, 'src', 'vscode');
const MAX_DEPTH = 4;
/** Only the commands that start a quiz may import the quiz UI. */
const QUIZ_FLOW = 'quiz/quizFlow.ts';
const MAY_IMPORT_QUIZ_FLOW = new Set(['quiz/quizCommands.ts']);

function adapterFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? adapterFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** Relative specifiers of `import`/`export ... from` and `import()` in a source text. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found.filter(s => s.startsWith('.'));
}

/** Adapter -> the adapters it imports, as paths relative to src/vscode. */
function adapterGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of adapterFiles(ADAPTERS)) {
    const deps = importSpecifiers(fs.readFileSync(file, 'utf8'))
      .map(s => path.resolve(path.dirname(file), s) + '.ts')
      .filter(f => f.startsWith(ADAPTERS + path.sep))
      .map(f => path.relative(ADAPTERS, f).split(path.sep).join('/'));
    graph.set(path.relative(ADAPTERS, file).split(path.sep).join('/'), deps);
  }
  return graph;
}

/** The longest import chain from each node, counting the node itself; throws on a cycle. */
export function depths(graph: Map<string, string[]>): Map<string, { depth: number; chain: string[] }> {
  const memo = new Map<string, { depth: number; chain: string[] }>();
  const visiting = new Set<string>();
  const visit = (node: string): { depth: number; chain: string[] } => {
    const known = memo.get(node);
    if (known) { return known; }
    if (visiting.has(node)) { throw new Error(`import cycle through ${node}`); }
    visiting.add(node);
    let best = { depth: 1, chain: [node] };
    for (const dep of graph.get(node) ?? []) {
      const d = visit(dep);
      if (d.depth + 1 > best.depth) { best = { depth: d.depth + 1, chain: [node, ...d.chain] }; }
    }
    visiting.delete(node);
    memo.set(node, best);
    return best;
  };
  [...graph.keys()].forEach(visit);
  return memo;
}

describe('adapter import graph', () => {
  const graph = adapterGraph();

  it('finds the adapters and their imports', () => {
    assert.ok(graph.size >= 20, `only ${graph.size} adapters found`);
    assert.ok(graph.get(QUIZ_FLOW), 'quiz/quizFlow.ts is where the rule expects it');
    assert.deepStrictEqual(importSpecifiers("import type { A } from './a';\nexport { B } from '../b';\nconst m = await import('./c');\nimport x from 'vscode';"), ['./a', '../b', './c']);
  });

  it(`is at most ${MAX_DEPTH} adapters deep, without cycles`, () => {
    const deepest = [...depths(graph).values()].sort((a, b) => b.depth - a.depth)[0];
    assert.ok(deepest.depth <= MAX_DEPTH, `${deepest.depth} deep: ${deepest.chain.join(' -> ')}`);
  });

  it('lets only the commands that start a quiz import the quiz UI', () => {
    const importers = [...graph].filter(([, deps]) => deps.includes(QUIZ_FLOW)).map(([file]) => file);
    assert.deepStrictEqual(importers.filter(f => !MAY_IMPORT_QUIZ_FLOW.has(f)), []);
  });
});
