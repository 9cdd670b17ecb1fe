#!/usr/bin/env node
// @ts-check
// `npm test`: type check, lint, unit tests, content tests (the guide's code run with Django),
// integration tests in a real VS Code, UI test.
// Stops at the first level that fails and exits non-zero.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { ROOT } = require('./lib');

const bin = (/** @type {string} */ p) => require.resolve(p);
const levels = [
  { name: 'typecheck', cmd: [bin('typescript/bin/tsc'), '--noEmit', '-p', ROOT] },
  { name: 'typecheck (webview)', cmd: [bin('typescript/bin/tsc'), '-p', path.join(ROOT, 'media')] },
  { name: 'lint', cmd: [path.join(path.dirname(bin('eslint/package.json')), 'bin', 'eslint.js'), 'src', 'test', 'media', 'esbuild.js'] },
  { name: 'unit', cmd: [path.join(__dirname, 'unit.js')] },
  { name: 'content', cmd: [path.join(__dirname, 'content.js')] },
  { name: 'integration', cmd: [path.join(__dirname, 'integration.js')] },
  { name: 'ui', cmd: [path.join(__dirname, 'ui.js')] },
];

const t0 = Date.now();
const summary = [];
let status = 0;
for (const level of levels) {
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
process.exit(status);
