#!/usr/bin/env node
// @ts-check
// `npm test`: installs the npm dependencies when they are missing, then type check, lint, unit
// tests, content tests (the guide's code run with Django), the fresh-clone test, integration
// tests in a real VS Code, the crash test (SIGKILL right after answers), UI test, Restricted Mode UI test. Stops at the first level that fails and exits non-zero.
// `npm test -- --only unit,content` runs just those levels.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { ensureDependencies } = require('./bootstrap');
const { StepError, main } = require('./steps');

const ROOT = path.resolve(__dirname, '..', '..');

function levels() {
  const bin = (/** @type {string} */ p) => require.resolve(p);
  const tsc = bin('typescript/bin/tsc');
  return [
    { id: 'typecheck', name: 'typecheck', cmd: [tsc, '--noEmit', '-p', ROOT] },
    { id: 'typecheck', name: 'typecheck (webview)', cmd: [tsc, '-p', path.join(ROOT, 'media')] },
    { id: 'lint', name: 'lint', cmd: [path.join(path.dirname(bin('eslint/package.json')), 'bin', 'eslint.js'), 'src', 'test', 'media', 'esbuild.js'] },
    { id: 'unit', name: 'unit', cmd: [path.join(__dirname, 'unit.js')] },
    { id: 'content', name: 'content', cmd: [path.join(__dirname, 'content.js')] },
    { id: 'fresh-clone', name: 'fresh clone', cmd: [path.join(__dirname, 'freshClone.js')] },
    { id: 'integration', name: 'integration', cmd: [path.join(__dirname, 'integration.js')] },
    { id: 'crash', name: 'crash (SIGKILL after answers)', cmd: [path.join(__dirname, 'crash.js')] },
    { id: 'ui', name: 'ui', cmd: [path.join(__dirname, 'ui.js')] },
    { id: 'trust', name: 'trust (Restricted Mode UI)', cmd: [path.join(__dirname, 'trust.js')] },
  ];
}
const LEVEL_IDS = ['typecheck', 'lint', 'unit', 'content', 'fresh-clone', 'integration', 'crash', 'ui', 'trust'];

/** The levels named by `--only a,b` (or `--only=a,b`); every level without it. */
function chosenLevels(/** @type {string[]} */ argv) {
  const i = argv.findIndex(a => a === '--only' || a.startsWith('--only='));
  const unknown = argv.filter((a, j) => j !== i && !(i >= 0 && j === i + 1 && argv[i] === '--only'));
  if (unknown.length) {
    throw new StepError('Reading the arguments', `unknown argument ${unknown.join(' ')}`, `npm test, or npm test -- --only ${LEVEL_IDS.join(',')}`);
  }
  if (i < 0) { return new Set(LEVEL_IDS); }
  const value = argv[i] === '--only' ? argv[i + 1] : argv[i].slice('--only='.length);
  const ids = (value ?? '').split(',').map(s => s.trim()).filter(Boolean);
  const bad = ids.filter(id => !LEVEL_IDS.includes(id));
  if (!ids.length || bad.length) {
    throw new StepError('Reading the arguments', bad.length ? `no level called ${bad.join(', ')}` : '--only needs level names', `levels are ${LEVEL_IDS.join(', ')}; e.g. npm test -- --only unit,content`);
  }
  return new Set(ids);
}

main(async () => {
  const only = chosenLevels(process.argv.slice(2));
  await ensureDependencies();
  const t0 = Date.now();
  const summary = [];
  let status = 0;
  for (const level of levels().filter(l => only.has(l.id))) {
    console.log(`\n=== ${level.name} ===`);
    const t = Date.now();
    // A hard limit per level (first runs provision code-server, about 4 minutes).
    const r = spawnSync(process.execPath, level.cmd, { cwd: ROOT, stdio: 'inherit', timeout: 20 * 60000, killSignal: 'SIGKILL' });
    if (r.error || r.signal) { console.error(`${level.name}: ${r.error?.message ?? `killed by ${r.signal}`}`); }
    const ok = r.status === 0;
    summary.push(`${level.name.padEnd(20)} ${ok ? 'passed' : 'FAILED'}  ${((Date.now() - t) / 1000).toFixed(1)}s`);
    if (!ok) { status = r.status || 1; break; }
  }
  console.log(`\n=== summary (${((Date.now() - t0) / 1000).toFixed(1)}s) ===\n${summary.join('\n')}`);
  process.exitCode = status;
});
