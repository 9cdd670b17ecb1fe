#!/usr/bin/env node
// @ts-check
// Unit tests: compile, then mocha over out/test/unit in plain Node (no VS Code).
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');
const { ROOT, run } = require('./lib');

run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);
const dir = path.join(ROOT, 'out', 'test', 'unit');
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20000 });
for (const f of fs.readdirSync(dir).sort()) {
  if (f.endsWith('.test.js')) { mocha.addFile(path.join(dir, f)); }
}
const runner = mocha.run(failures => {
  const s = runner.stats;
  console.log(`unit: ${s?.passes ?? 0} passed, ${s?.failures ?? failures} failed, ${s?.pending ?? 0} skipped`);
  process.exitCode = failures || (s?.passes ? 0 : 1);
});
