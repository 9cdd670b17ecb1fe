#!/usr/bin/env node
// @ts-check
// Content tests: the bundled guide's shape, links and outline coverage, and its Python code
// compiled and run with Debian's Django and DRF (installed here when missing).
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');
const { ROOT, run, ensurePythonPackages } = require('./lib');

process.env.DJANGO_PREP_PYTHON = ensurePythonPackages();
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);
const dir = path.join(ROOT, 'out', 'test', 'content');
const mocha = new Mocha({ ui: 'bdd', reporter: 'dot', timeout: 120000 });
for (const f of fs.readdirSync(dir).sort()) {
  if (f.endsWith('.test.js')) { mocha.addFile(path.join(dir, f)); }
}
const runner = mocha.run(failures => {
  const s = runner.stats;
  console.log(`content: ${s?.passes ?? 0} passed, ${s?.failures ?? failures} failed, ${s?.pending ?? 0} skipped`);
  process.exitCode = failures || (s?.passes ? 0 : 1);
});
