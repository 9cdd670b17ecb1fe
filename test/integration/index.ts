// Entry point the extension host loads (extensionTestsPath): runs every *.test.js here with
// mocha. The same file serves code-server here and @vscode/test-electron on a desktop.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) { mocha.addFile(path.join(__dirname, f)); }
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const s = runner.stats!;
      console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
      // The harness passes a results path through the environment (code-server -> extension host).
      const results = process.env.DJANGO_PREP_TEST_RESULTS;
      if (results) {
        fs.writeFileSync(results, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, durationMs: s.duration }));
      }
      if (failures > 0) { reject(new Error(`${failures} tests failed.`)); } else { resolve(); }
    });
  });
}
