#!/usr/bin/env node
// @ts-check
// `npm test`: installs the npm dependencies when they are missing, then type check, lint, unit
// tests, content tests (the guide's code run with Django), the fresh-clone test, integration
// tests in a real VS Code, the crash test (SIGKILL right after answers), UI test, Restricted Mode UI test. Stops at the first level that fails and exits non-zero.
// `npm test -- --only unit,content` runs just those levels; `--seed N` replays a run's random
// draws (quiz and mock-interview order, distractors, follow-ups; see seed.js).
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { ensureDependencies } = require('./bootstrap');
const { StepError, main } = require('./steps');
const { parseSeed, replay, runSeed } = require('./seed');

const ROOT = path.resolve(__dirname, '..', '..');

function levels() {
  const bin = (/** @type {string} */ p) => require.resolve(p);
  const tsc = bin('typescript/bin/tsc');
  return [
    { id: 'typecheck', name: 'typecheck', cmd: [tsc, '--noEmit', '-p', ROOT] },
    { id: 'typecheck', name: 'typecheck (webview)', cmd: [tsc, '-p', path.join(ROOT, 'media')] },
    { id: 'lint', name: 'lint', cmd: [path.join(path.dirname(bin('eslint/package.json')), 'bin', 'eslint.js'), 'src', 'test', 'media', 'esbuild.js'] },
    { id: 'unit', name: 'unit', cmd: [path.join(__dirname, 'unit.js')] },
    { id: 'content', name: 'content', cmd: [path.join(__dirname, 'content.js')] },
    { id: 'fresh-clone', name: 'fresh clone', cmd: [path.join(__dirname, 'freshClone.js')] },
    { id: 'integration', name: 'integration', cmd: [path.join(__dirname, 'integration.js')] },
    { id: 'crash', name: 'crash (SIGKILL after answers)', cmd: [path.join(__dirname, 'crash.js')] },
    { id: 'ui', name: 'ui', cmd: [path.join(__dirname, 'ui.js')] },
    { id: 'trust', name: 'trust (Restricted Mode UI)', cmd: [path.join(__dirname, 'trust.js')] },
  ];
}
const LEVEL_IDS = ['typecheck', 'lint', 'unit', 'content', 'fresh-clone', 'integration', 'crash', 'ui', 'trust'];

/**
 * `--only a,b` (or `--only=a,b`): the levels to run, every level without it; `--seed N` (or
 * `--seed=N`): the seed of the random draws.
 */
function parseArgs(/** @type {string[]} */ argv) {
  /** @type {Map<string, string | undefined>} */
  const options = new Map();
  const unknown = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(only|seed)(?:=(.*))?$/.exec(argv[i]);
    if (!m) { unknown.push(argv[i]); continue; }
    options.set(m[1], m[2] !== undefined ? m[2] : argv[++i]);
  }
  const usage = `npm test, or npm test -- --only ${LEVEL_IDS.join(',')} [--seed N]`;
  if (unknown.length) {
    throw new StepError('Reading the arguments', `unknown argument ${unknown.join(' ')}`, usage);
  }
  let seed;
  if (options.has('seed')) {
    seed = parseSeed(options.get('seed'));
    if (seed === undefined) { throw new StepError('Reading the arguments', `--seed ${options.get('seed') ?? ''} is not a seed`, `a whole number from 0 to 4294967295, e.g. npm test -- --only ui --seed 1234 (the seed a failed run printed)`); }
  }
  if (!options.has('only')) { return { only: new Set(LEVEL_IDS), seed }; }
  const ids = (options.get('only') ?? '').split(',').map(s => s.trim()).filter(Boolean);
  const bad = ids.filter(id => !LEVEL_IDS.includes(id));
  if (!ids.length || bad.length) {
    throw new StepError('Reading the arguments', bad.length ? `no level called ${bad.join(', ')}` : '--only needs level names', `levels are ${LEVEL_IDS.join(', ')}; e.g. npm test -- --only unit,content`);
  }
  return { only: new Set(ids), seed };
}

main(async () => {
  const { only, seed: given } = parseArgs(process.argv.slice(2));
  if (given !== undefined) { process.env.DJANGO_PREP_SEED = String(given); }
  // One seed for every level, passed on through the environment and printed to replay the run.
  const seed = runSeed();
  await ensureDependencies();
  console.log(`Random draws seeded with ${seed} (replay: npm test -- --seed ${seed})`);
  const t0 = Date.now();
  const summary = [];
  let status = 0;
  let failed = '';
  for (const level of levels().filter(l => only.has(l.id))) {
    console.log(`\n=== ${level.name} ===`);
    const t = Date.now();
    // A hard limit per level (first runs provision code-server, about 4 minutes).
    const r = spawnSync(process.execPath, level.cmd, { cwd: ROOT, stdio: 'inherit', timeout: 20 * 60000, killSignal: 'SIGKILL' });
    if (r.error || r.signal) { console.error(`${level.name}: ${r.error?.message ?? `killed by ${r.signal}`}`); }
    const ok = r.status === 0;
    summary.push(`${level.name.padEnd(20)} ${ok ? 'passed' : 'FAILED'}  ${((Date.now() - t) / 1000).toFixed(1)}s`);
    if (!ok) { status = r.status || 1; failed = level.id; break; }
  }
  console.log(`\n=== summary (${((Date.now() - t0) / 1000).toFixed(1)}s, seed ${seed}) ===\n${summary.join('\n')}`);
  if (failed) { console.log(`The same draws again: ${replay(failed, seed)}`); }
  process.exitCode = status;
});
