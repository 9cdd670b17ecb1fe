#!/usr/bin/env node
// @ts-check
// `npm start`: install the npm dependencies when they are missing, build and package the
// extension, provision code-server if missing, install the .vsix and serve VS Code at
// http://127.0.0.1:$PORT/ (default 8080) with a sample workspace open. Runs until Ctrl+C or SIGTERM.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureDependencies } = require('./bootstrap');
const { ROOT, CACHE, log, provision, vscodeVersion, packageVsix, startCodeServer } = require('./lib');
const { StepError, main } = require('./steps');

main(async () => {
  const port = Number(process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StepError('Reading PORT', `PORT=${process.env.PORT} is not a port number`, 'set PORT to a number from 1 to 65535, or unset it for 8080');
  }
  await ensureDependencies();
  const env = await provision({ browser: false });
  const vsix = packageVsix();
  // A copy, so edits made while trying the extension never touch the repository.
  const workspace = path.join(CACHE, 'sample-workspace');
  if (!fs.existsSync(workspace)) {
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'sample-workspace'), workspace, { recursive: true });
    // Practice checks need a Python with Django: Debian's, when it has it (npm test installs it).
    const settings = path.join(workspace, '.vscode', 'settings.json');
    if (!fs.existsSync(settings) && spawnSync('/usr/bin/python3', ['-c', 'import django'], { stdio: 'ignore' }).status === 0) {
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, JSON.stringify({ 'djangoPrep.pythonPath': '/usr/bin/python3' }, null, 2) + '\n');
    }
  }
  const cs = await startCodeServer({
    ...env, workspace, installVsix: vsix, port,
    dataDir: path.join(CACHE, 'start-data'), // settings and progress survive restarts
    logFile: path.join(CACHE, 'code-server-start.log'),
  });
  console.log(`\nDjango Interview Prep is running in VS Code ${vscodeVersion()} at http://127.0.0.1:${port}/`);
  console.log('Open it in a browser; the graduation-cap icon in the activity bar opens the topics. Press Ctrl+C to stop.\n');
  let stopping = false;
  const stop = async (/** @type {string} */ why) => {
    if (stopping) { return; }
    stopping = true;
    log(`${why}: stopping code-server`);
    await cs.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  cs.proc.on('exit', code => { if (!stopping) { log(`code-server exited (${code}); see ${path.join(CACHE, 'code-server-start.log')}`); process.exit(1); } });
});
