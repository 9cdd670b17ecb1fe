// @ts-check
// Compiles the TypeScript, then runs mocha over out/test/<level>/*.test.js in plain Node and
// prints "<level>: N passed, N failed, N skipped". Used by the unit and content levels.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');
const { ROOT, run } = require('./lib');
const { runSeed } = require('./seed');

/** @param {string} level @param {{ reporter: string, timeout: number }} options */
function compileAndRun(level, options) {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);
  const dir = path.join(ROOT, 'out', 'test', level);
  // The property tests' inputs come from the run's seed (fast-check also prints its own on a failure).
  const seed = runSeed();
  require('fast-check').configureGlobal({ seed });
  const mocha = new Mocha({ ui: 'bdd', ...options });
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.test.js')) { mocha.addFile(path.join(dir, f)); }
  }
  const runner = mocha.run(failures => {
    const s = runner.stats;
    console.log(`${level}: ${s?.passes ?? 0} passed, ${s?.failures ?? failures} failed, ${s?.pending ?? 0} skipped (seed ${seed})`);
    process.exitCode = failures || (s?.passes ? 0 : 1);
  });
}

module.exports = { compileAndRun };
