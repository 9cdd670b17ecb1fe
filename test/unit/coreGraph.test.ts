// The core stays a small stack of feature folders (src/README.md draws it): read src/core's
// imports, type-only ones too, and check that no file imports VS Code, that files import in no
// circle, and that folders import only the folders below them that the map allows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { depths, importSpecifiers } from './adapterGraph.test';
import { root } from './paths';

const CORE = path.join(root, 'src', 'core');
const MAX_FLOORS = 6;
/**
 * What each room of the core (a folder, or the one file at its top) may import. A room's floor
 * is one above the highest room it imports; this map is the whole picture, bottom up.
 */
const ALLOWED: Record<string, readonly string[]> = {
  'util': [],
  'messages.ts': ['util'],
  'schedule': ['util'],
  'practice': ['util'],
  'document': ['util', 'messages.ts'],
  'feedback': ['util', 'messages.ts', 'document'],
  'cards': ['util', 'messages.ts', 'document', 'schedule'],
  'interview': ['util', 'messages.ts', 'document', 'schedule', 'feedback', 'cards'],
  'study': ['util', 'messages.ts', 'document', 'schedule', 'cards', 'interview'],
};

function coreFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? coreFiles(path.join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []);
}

const rel = (f: string) => path.relative(CORE, f).split(path.sep).join('/');
/** The room a file is in: its top folder under src/core, or the file itself at the top. */
const roomOf = (f: string) => rel(f).split('/')[0];

/** Core file -> the core files it imports; and every specifier, to find `vscode`. */
function coreGraph(): { files: Map<string, string[]>; specifiers: Map<string, string[]> } {
  const files = new Map<string, string[]>();
  const specifiers = new Map<string, string[]>();
  for (const file of coreFiles(CORE)) {
    const source = fs.readFileSync(file, 'utf8');
    const all = [...source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(m => m[1] ?? m[2] ?? m[3]);
    specifiers.set(rel(file), all);
    const deps = importSpecifiers(source).map(s => path.resolve(path.dirname(file), s) + '.ts').filter(f => f.startsWith(CORE + path.sep));
    files.set(file, deps);
  }
  return { files, specifiers };
}

/** Throws on an import circle; otherwise the longest chain, counting both ends. */
function floors(edges: Map<string, Set<string>>): { floors: number; chain: string[] } {
  const deepest = [...depths(new Map([...edges].map(([n, to]) => [n, [...to]]))).values()].sort((x, y) => y.depth - x.depth)[0];
  return { floors: deepest.depth, chain: deepest.chain };
}

describe('core import graph', () => {
  const { files, specifiers } = coreGraph();
  const rooms = new Map<string, Set<string>>();
  for (const [file, deps] of files) {
    const from = roomOf(file);
    const set = rooms.get(from) ?? new Set<string>();
    rooms.set(from, set);
    for (const d of deps) { if (roomOf(d) !== from) { set.add(roomOf(d)); } }
  }

  it('finds the core files and its rooms', () => {
    assert.ok(files.size >= 60, `only ${files.size} core files found`);
    assert.deepStrictEqual([...rooms.keys()].sort(), Object.keys(ALLOWED).sort(), 'every room of src/core is on the map, and every room on the map exists');
  });

  it('never imports VS Code', () => {
    const offenders = [...specifiers].filter(([, s]) => s.some(x => x === 'vscode' || x.startsWith('vscode/'))).map(([f]) => f);
    assert.deepStrictEqual(offenders, []);
  });

  it('has no import circle between files', () => {
    const edges = new Map([...files].map(([f, deps]) => [rel(f), new Set(deps.map(rel))]));
    assert.doesNotThrow(() => floors(edges));
  });

  it(`imports between folders only downward, as the map allows, at most ${MAX_FLOORS} floors`, () => {
    const wrong = [...rooms].flatMap(([from, to]) => [...to].filter(t => !ALLOWED[from]?.includes(t)).map(t => `${from} -> ${t}`));
    assert.deepStrictEqual(wrong, [], 'arrows the map does not allow');
    const deepest = floors(rooms);
    const arrows = [...rooms.values()].reduce((n, s) => n + s.size, 0);
    console.log(`      core: ${rooms.size} rooms, ${deepest.floors} floors (${deepest.chain.join(' -> ')}), ${arrows} arrows between rooms`);
    assert.ok(deepest.floors <= MAX_FLOORS, `${deepest.floors} floors: ${deepest.chain.join(' -> ')}`);
  });
});
