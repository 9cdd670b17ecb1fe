// Entry point the extension host loads (extensionTestsPath): runs every *.test.js here with
// mocha. The same file serves code-server here and @vscode/test-electron on a desktop.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { deriveSeed, parseSeed } from '../../src/core/util/draws';
import type { DjangoPrepApi } from '../../src/extension';
import { EXTENSION_ID, setTestSeed } from './helpers';

export function run(): Promise<void> {
  // DJANGO_PREP_GREP: only the tests whose full title matches it (replaying one failed test).
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, grep: process.env.DJANGO_PREP_GREP || undefined });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) { mocha.addFile(path.join(__dirname, f)); }
  }
  // Every draw is seeded: the extension's (quiz and mock-interview order, distractors,
  // follow-ups) and the tests' own. Each test gets a seed of its own from the run's seed and its
  // title, so it draws the same whatever ran before it, alone (DJANGO_PREP_GREP) or in the run.
  const runSeed = parseSeed(process.env.DJANGO_PREP_SEED) ?? Math.floor(Math.random() * 2 ** 31);
  console.log(`[test] random draws seeded with ${runSeed}`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const s = runner.stats!;
      console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
      // The harness passes a results path through the environment (code-server -> extension host).
      const results = process.env.DJANGO_PREP_TEST_RESULTS;
      if (results) {
        fs.writeFileSync(results, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, durationMs: s.duration, seed: runSeed }));
      }
      if (failures > 0) { reject(new Error(`${failures} tests failed.`)); } else { resolve(); }
    });
    runner.on('test', test => {
      const seed = deriveSeed(runSeed, test.fullTitle());
      setTestSeed(seed);
      // Before activation nothing draws; the first suite activates the extension.
      vscode.extensions.getExtension<DjangoPrepApi>(EXTENSION_ID)?.exports?.draws?.seed(seed);
    });
    runner.on('fail', test => {
      console.log(`[test] "${test.fullTitle()}" failed with the draws of seed ${runSeed}; replay: npm test -- --only integration --seed ${runSeed}`
        + ` (this test alone: DJANGO_PREP_GREP='${test.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'\\''")}' DJANGO_PREP_SEED=${runSeed} npm run test:integration)`);
    });
  });
}
