#!/usr/bin/env node
// @ts-check
// Runs the mocha suite out/test/integration/index.js inside code-server's real Node extension
// host. The workbench opens with a `payload` naming extensionDevelopmentPath and
// extensionTestsPath; when the suite settles it calls window.codeAutomationExit(code).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensurePythonPackages, ROOT, CACHE, log, run, provision, vscodeVersion, runInExtensionHost, packageFakePython, packageFakeLanguageModel } = require('./lib');
const { main } = require('./steps');
const { runSeed, replay } = require('./seed');

const TIMEOUT_MS = Number(process.env.DJANGO_PREP_TEST_TIMEOUT_MS || 240000);

main(async () => {
  const seed = runSeed();
  const env = await provision();
  run(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT });
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-ws-'));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Integration test workspace\n');
  // Practice checks run with Debian's Python, which has Django, DRF and Celery.
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'djangoPrep.pythonPath': await ensurePythonPackages() }, null, 2));
  const csLog = path.join(CACHE, 'code-server-integration.log');
  const resultsFile = path.join(CACHE, 'integration-results.json');
  fs.rmSync(resultsFile, { force: true });
  console.log(`Integration tests in VS Code ${vscodeVersion()} (code-server extension host), draws seeded with ${seed}`);
  const tCycle = Date.now();
  const { exitCode: hostExit, finished } = await runInExtensionHost({
    env, workspace, logFile: csLog, timeoutMs: TIMEOUT_MS,
    testsEntry: path.join(ROOT, 'out', 'test', 'integration', 'index'),
    hostEnv: { DJANGO_PREP_TEST_RESULTS: resultsFile, DJANGO_PREP_SEED: String(seed) },
    // Stand-ins for the Python extension (whose selected interpreter the tests change) and for a
    // language model (Copilot or any chat provider), whose replies the interviewer's tests script.
    installVsix: [packageFakePython(), packageFakeLanguageModel()],
  });
  let exitCode = hostExit;
  log(`test cycle (code-server start -> exit code) ${((Date.now() - tCycle) / 1000).toFixed(1)}s`);
  fs.rmSync(workspace, { recursive: true, force: true });
  if (!finished) { log(`code-server log: ${csLog}`); }
  let summary = null;
  try { summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* the suite never finished */ }
  if (exitCode === 0 && (!summary || summary.passes === 0)) { console.error('no integration test ran'); exitCode = 1; }
  console.log(summary ? `integration: ${summary.passes} passed, ${summary.failures} failed, ${summary.pending} skipped` : 'integration: 0 passed, 1 failed');
  if (exitCode !== 0) { console.log(`integration: draws seeded with ${seed}; the same draws again: ${replay('integration', seed)}`); }
  process.exit(exitCode);
});
