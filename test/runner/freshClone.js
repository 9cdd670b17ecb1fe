#!/usr/bin/env node
// @ts-check
// The README's two commands on a fresh clone: the repository (with this working tree's
// uncommitted changes) is cloned into a temporary folder with no node_modules, then
// `npm test -- --only unit` must install the dependencies and pass, and, from no node_modules
// again, `npm start` must install them, serve VS Code and stop cleanly on Ctrl+C.
// Node 24 and code-server are shared with this checkout (DJANGO_PREP_CACHE), since their
// provisioning is covered by every other level.
'use strict';
const assert = require('assert');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { dependencyProblem } = require('./bootstrap');
const { ROOT, TOOLS, cleanEnv, provision, log } = require('./lib');
const { StepError, main, duration } = require('./steps');

/** @param {string[]} args @param {string} [cwd] */
function git(args, cwd = ROOT) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) { throw new StepError('Cloning the repository', `git ${args.join(' ')}: ${r.stderr || r.error}`, 'run this test from a git checkout of the project'); }
  return r.stdout;
}

/** A clone of HEAD with the working tree's changes laid over it, so what is tested is what is here. */
function cloneWorkingTree(/** @type {string} */ dest) {
  git(['clone', '--quiet', '--no-hardlinks', ROOT, dest]);
  const changed = git(['diff', '--name-only', '-z', 'HEAD']).split('\0');
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  for (const f of [...changed, ...untracked].filter(Boolean)) {
    const from = path.join(ROOT, f);
    const to = path.join(dest, f);
    if (fs.existsSync(from)) { fs.mkdirSync(path.dirname(to), { recursive: true }); fs.copyFileSync(from, to); } else { fs.rmSync(to, { force: true }); }
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(typeof a === 'object' && a ? a.port : 0)); });
  });
}

/**
 * Runs a command in the clone, echoing its output indented, and resolves with its exit code and
 * output. `onOutput` may inspect the output as it arrives.
 * @param {string} cwd @param {string[]} args @param {Record<string, string>} env
 * @param {{ detached?: boolean, onSpawn?: (p: import('child_process').ChildProcess) => void }} [o]
 */
function npm(cwd, args, env, o = {}) {
  log(`(clone) $ npm ${args.join(' ')}`);
  const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: o.detached });
  let out = '';
  const echo = (/** @type {Buffer} */ b) => { const s = b.toString(); out += s; process.stdout.write(s.replace(/^(?=.)/gm, '    │ ')); };
  child.stdout?.on('data', echo);
  child.stderr?.on('data', echo);
  o.onSpawn?.(child);
  return new Promise(resolve => child.once('exit', (code, sig) => resolve({ code: code ?? sig, out: () => out })));
}

main(async () => {
  // Shared with the clone, so its `npm start` does not spend four minutes building them again.
  await provision({ browser: false });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-clone-'));
  const clone = path.join(tmp, 'django-interview-prep');
  const env = cleanEnv({ DJANGO_PREP_CACHE: TOOLS, DJANGO_PREP_HEARTBEAT_MS: '10000' });
  try {
    cloneWorkingTree(clone);
    assert.ok(!fs.existsSync(path.join(clone, 'node_modules')), 'a fresh clone has no node_modules');

    // 1. npm test, short level: the bootstrap installs the dependencies, then the unit tests pass.
    let t = Date.now();
    const test = await npm(clone, ['test', '--', '--only', 'unit'], env);
    assert.strictEqual(test.code, 0, 'npm test -- --only unit passes on a fresh clone');
    assert.match(test.out(), /node_modules is missing; installing them with npm ci/, 'it says why it installs');
    assert.match(test.out(), /Installing the npm dependencies: done/, 'it says the install finished');
    assert.match(test.out(), /unit: [1-9]\d* passed, 0 failed/, 'the unit tests ran and passed');
    assert.doesNotMatch(test.out(), /=== (content|integration|ui) ===/, '--only unit runs the unit level only');
    assert.strictEqual(dependencyProblem(clone), undefined, 'node_modules matches package-lock.json afterwards');
    log(`fresh clone: npm test -- --only unit passed in ${duration(Date.now() - t)}`);

    // 2. A readable failure, not a stack trace.
    const bad = await npm(clone, ['start'], { ...env, PORT: 'eighty' });
    assert.strictEqual(bad.code, 1, 'npm start with a bad PORT exits 1');
    assert.match(bad.out(), /✗ Reading PORT failed\.[\s\S]*Fix: set PORT/, 'it names the step and the fix');
    assert.doesNotMatch(bad.out(), /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');

    // 3. npm start from no node_modules, up to the server answering, then Ctrl+C.
    fs.rmSync(path.join(clone, 'node_modules'), { recursive: true, force: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    t = Date.now();
    /** @type {import('child_process').ChildProcess | undefined} */
    let proc;
    const started = npm(clone, ['start'], { ...env, PORT: String(port) }, { detached: true, onSpawn: p => { proc = p; } });
    let page = '';
    for (let answered = false; !answered;) {
      const early = await Promise.race([started, new Promise(r => setTimeout(() => r(undefined), 500))]);
      if (early) { throw new StepError('npm start on a fresh clone', `exited (${/** @type {{ code: unknown }} */ (early).code}) before serving ${url}`, 'see its output above'); }
      if (Date.now() - t > 10 * 60000) { throw new StepError('npm start on a fresh clone', `${url} did not answer within 10 minutes`, 'see its output above'); }
      try { const r = await fetch(url); if (r.ok) { page = await r.text(); answered = true; } } catch { /* not yet */ }
    }
    log(`fresh clone: npm start served ${url} ${duration(Date.now() - t)} after it started`);
    assert.match(page, /vscode|workbench/i, 'the page is the VS Code workbench');
    const extensions = path.join(clone, '.vscode-test', 'start-data', 'extensions');
    assert.ok(fs.readdirSync(extensions).some(d => d.startsWith('django-interview-prep.django-interview-prep-')), 'the extension is installed in that VS Code');
    assert.strictEqual(dependencyProblem(clone), undefined, 'npm start installed the dependencies');
    // Ctrl+C reaches the whole foreground process group.
    process.kill(-(/** @type {number} */ (proc?.pid)), 'SIGINT');
    const stopped = await Promise.race([started, new Promise(r => setTimeout(() => r(undefined), 30000))]);
    assert.ok(stopped, 'npm start stops within 30 s of Ctrl+C');
    assert.match(/** @type {{ out: () => string }} */ (stopped).out(), /SIGINT: stopping code-server/, 'it stops code-server');
    const gone = await fetch(url).then(() => false, () => true);
    assert.ok(gone, 'nothing answers on the port after it stopped');
    console.log('fresh clone: 2 passed, 0 failed');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
});
