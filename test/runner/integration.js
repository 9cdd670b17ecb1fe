#!/usr/bin/env node
// @ts-check
// Runs the mocha suite out/test/integration/index.js inside code-server's real Node extension
// host. The workbench opens with a `payload` naming extensionDevelopmentPath and
// extensionTestsPath; when the suite settles it calls window.codeAutomationExit(code).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { ensurePythonPackages, ROOT, CACHE, log, run, provision, vscodeVersion, startCodeServer, launchChromium } = require('./lib');

const TIMEOUT_MS = Number(process.env.DJANGO_PREP_TEST_TIMEOUT_MS || 240000);

async function main() {
  const env = provision();
  run(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT });
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-ws-'));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Integration test workspace\n');
  // Practice checks run with Debian's Python, which has Django, DRF and Celery.
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'djangoPrep.pythonPath': ensurePythonPackages() }, null, 2));
  const csLog = path.join(CACHE, 'code-server-integration.log');
  const resultsFile = path.join(CACHE, 'integration-results.json');
  fs.rmSync(resultsFile, { force: true });
  console.log(`Integration tests in VS Code ${vscodeVersion()} (code-server extension host)`);
  const tCycle = Date.now();
  const cs = await startCodeServer({ ...env, workspace, logFile: csLog, devMode: true, env: { DJANGO_PREP_TEST_RESULTS: resultsFile } });
  const browser = await launchChromium();
  let finished = false;

  let exitCode = await new Promise(resolve => {
    const timer = setTimeout(() => { log(`TIMEOUT after ${TIMEOUT_MS} ms`); resolve(2); }, TIMEOUT_MS);
    void (async () => {
      const page = await browser.context.newPage();
      page.on('pageerror', e => log('page error:', e.message));
      page.on('crash', () => { log('page crashed'); resolve(3); });
      // Extension-host console output arrives as ('%c LEVEL', 'color: ...', ...args).
      page.on('console', async msg => {
        let vals;
        try { vals = await Promise.all(msg.args().map(a => a.jsonValue())); } catch { vals = [msg.text()]; }
        if (typeof vals[0] === 'string' && vals[0].startsWith('%c') && typeof vals[1] === 'string' && vals[1].startsWith('color:')) {
          const level = vals[0].slice(2).trim();
          const text = util.format(...vals.slice(2));
          if (process.env.DJANGO_PREP_VERBOSE || level === 'ERROR' || text.startsWith('[test]') || /^\s*(✔|✓|\d+\)|passing|failing|pending|\S.*\s(passed|failed),)/.test(text) || /^ {2,}\S/.test(text)) {
            console.log(`  ${text}`);
          }
        } else if (process.env.DJANGO_PREP_VERBOSE) {
          console.log(`  [page ${msg.type()}] ${msg.text()}`);
        }
      });
      await page.exposeFunction('codeAutomationLog', () => { /* duplicates of the console lines */ });
      await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => {
        clearTimeout(timer);
        finished = true;
        log(`workbench reported extension test exit code ${code}`);
        resolve(code);
      });
      const host = `127.0.0.1:${cs.port}`;
      const remote = (/** @type {string} */ p) => `vscode-remote://${host}${path.resolve(p)}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(path.join(ROOT, 'out', 'test', 'integration', 'index'))],
        ['skipWelcome', 'true'],
      ]);
      await page.goto(`${cs.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    })().catch(e => { log('could not drive the workbench:', e); resolve(4); });
  });
  log(`test cycle (code-server start -> exit code) ${((Date.now() - tCycle) / 1000).toFixed(1)}s`);
  await browser.close();
  await cs.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  if (!finished) { log(`code-server log: ${csLog}`); }
  let summary = null;
  try { summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* the suite never finished */ }
  if (exitCode === 0 && (!summary || summary.passes === 0)) { console.error('no integration test ran'); exitCode = 1; }
  console.log(summary ? `integration: ${summary.passes} passed, ${summary.failures} failed, ${summary.pending} skipped` : 'integration: 0 passed, 1 failed');
  process.exit(exitCode);
}

main().catch(e => { console.error(e); process.exit(1); });
