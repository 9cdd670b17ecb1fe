// @ts-check
// First thing `npm start` and `npm test` do: on a fresh clone, or after package-lock.json
// changed, install the project's npm dependencies (npm ci) before anything is provisioned.
// Only Node's own modules here: node_modules may not exist yet.
'use strict';
const fs = require('fs');
const path = require('path');
const { StepError, runStep, log } = require('./steps');

const ROOT = path.resolve(__dirname, '..', '..');
const MIN_NODE_MAJOR = 20;

/**
 * Why node_modules does not match package-lock.json, or undefined when it does. Compares the
 * lock with the record npm keeps of what it installed (node_modules/.package-lock.json) and
 * checks each recorded package is still on disk; optional packages of other platforms are
 * never installed, so their absence is fine.
 * @param {string} [root]
 * @returns {string | undefined}
 */
function dependencyProblem(root = ROOT) {
  let lock;
  try { lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')); } catch (e) {
    return `package-lock.json cannot be read (${e instanceof Error ? e.message : e})`;
  }
  if (!fs.existsSync(path.join(root, 'node_modules'))) { return 'node_modules is missing'; }
  let installed;
  try { installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '.package-lock.json'), 'utf8')).packages ?? {}; } catch {
    return 'node_modules was not installed by npm 7 or later (no node_modules/.package-lock.json)';
  }
  const wanted = lock.packages ?? {};
  for (const [p, entry] of Object.entries(wanted)) {
    if (!p.startsWith('node_modules/') || entry.link) { continue; }
    const got = installed[p];
    if (!got) {
      if (entry.optional || entry.devOptional) { continue; }
      return `${p.slice('node_modules/'.length)} is not installed`;
    }
    if (got.version !== entry.version) { return `${p.slice('node_modules/'.length)} is ${got.version}, package-lock.json wants ${entry.version}`; }
  }
  for (const p of Object.keys(installed)) {
    if (!wanted[p]) { return `${p.slice('node_modules/'.length)} is installed but not in package-lock.json`; }
    if (!installed[p].link && !fs.existsSync(path.join(root, p, 'package.json'))) { return `${p.slice('node_modules/'.length)} was removed from node_modules`; }
  }
  return undefined;
}

/** How many packages npm ci will install, and how many top-level ones are on disk so far. */
function installProgress(/** @type {string} */ root) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const top = Object.entries(lock.packages ?? {}).filter(([p, e]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(p) && !e.optional);
  const present = top.filter(([p]) => fs.existsSync(path.join(root, p, 'package.json'))).length;
  return `${present} of ${top.length} top-level packages unpacked`;
}

/** The npm that runs us (npm exports its path), else the one on PATH. */
function npmCommand() {
  const cli = process.env.npm_execpath;
  return cli && /npm-cli\.js$/.test(cli) && fs.existsSync(cli) ? { cmd: process.execPath, pre: [cli] } : { cmd: 'npm', pre: [] };
}

/**
 * Checks Node and the npm dependencies and installs them when they are missing or stale.
 * @param {{ root?: string, env?: NodeJS.ProcessEnv }} [o]
 */
async function ensureDependencies(o = {}) {
  const root = o.root ?? ROOT;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new StepError('Checking Node.js', `this is Node.js ${process.versions.node}; the project needs ${MIN_NODE_MAJOR} or later`,
      `install Node.js ${MIN_NODE_MAJOR} or later with npm (https://nodejs.org/en/download), then run the command again`);
  }
  const why = dependencyProblem(root);
  if (!why) { return; }
  log(`npm dependencies: ${why}; installing them with npm ci`);
  const npm = npmCommand();
  // Variables npm exports to scripts (user agent, command, lifecycle event) would make the nested
  // npm believe it runs inside `npm test`; keep only those that point it at a cache or registry.
  const { cleanEnv } = require('./lib');
  await runStep({
    title: 'Installing the npm dependencies',
    usually: 'about 20 s with a warm npm cache, 1-2 min downloading 240 MB from the registry',
    cmd: npm.cmd, args: [...npm.pre, 'ci', '--no-audit', '--no-fund'],
    opts: { cwd: root, env: o.env ?? cleanEnv() },
    progress: () => installProgress(root),
    fix: 'check that the npm registry is reachable (npm ping) and that package.json and package-lock.json agree (npm install updates the lock), then run the command again',
  });
  const still = dependencyProblem(root);
  if (still) { throw new StepError('Installing the npm dependencies', `npm ci finished but ${still}`, 'delete node_modules and run the command again'); }
}

module.exports = { ensureDependencies, dependencyProblem };
