#!/usr/bin/env node
// @ts-check
// `npm run test:desktop`: the same integration suite in desktop VS Code via @vscode/test-electron.
// It downloads VS Code, so it needs internet access (not available on the offline CI machines).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { ROOT, run } = require('./lib');

async function main() {
  run(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT });
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-desktop-'));
  try {
    await runTests({
      // The stand-ins for the Python extension and a language model load beside it, as code-server installs them.
      extensionDevelopmentPath: [ROOT, ...['fake-python-extension', 'fake-language-model'].map(f => path.join(ROOT, 'test', 'fixtures', f))],
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch(e => { console.error('desktop integration tests failed:', e instanceof Error ? e.message : e); process.exit(1); });
