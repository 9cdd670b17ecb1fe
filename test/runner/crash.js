#!/usr/bin/env node
// @ts-check
// Crash test: no answered review is lost when everything dies at once. code-server runs with a
// persistent data dir and the browser with a persistent profile (what a user keeps between
// sessions). An extension-host run answers N cards through the API and signals when the last
// answer is acknowledged; at that moment code-server's whole process group (server, extension
// host) and the browser are SIGKILLed. Both restart on the same data, and a second
// extension-host run checks that all N reviews are in the progress it loaded.
//
// code-server keeps globalState in the browser (IndexedDB, per origin), so both windows use the
// same port. Half the answers are flushed first, and the harness waits until the browser has
// stored them with the journal's mark: the restart then reads only the journal lines after the
// mark, and must still find every answer made after it.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { CACHE, ROOT, log, run, provision, vscodeVersion, startCodeServer, launchChromium, freePort, storedExtensionState } = require('./lib');
const { main } = require('./steps');

const CARDS = 20;

/** Pids of the processes whose command line names `dir` (the browser this test started). */
function processesUsing(/** @type {string} */ dir) {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout || '';
  return ps.split('\n').filter(l => l.includes(dir)).map(l => Number(l.trim().split(/\s+/)[0])).filter(pid => pid && pid !== process.pid);
}

/**
 * One window on code-server with `dataDir` and the browser profile `profile`, running the
 * extension-host entry `entry`; resolves with the running pieces once `until()` holds.
 * @param {any} env @param {{ dataDir: string, profile: string, workspace: string, port: number, entry: string, hostEnv: Record<string, string>, until: (page: import('playwright-core').Page) => Promise<boolean>, logFile: string }} o
 */
async function window(env, o) {
  const cs = await startCodeServer({ ...env, workspace: o.workspace, dataDir: o.dataDir, port: o.port, devMode: true, env: o.hostEnv, logFile: o.logFile });
  const browser = await launchChromium(o.profile);
  const page = await browser.context.newPage();
  page.on('console', msg => { const t = msg.text(); if (t.includes('[test]') || /ERROR/.test(t)) { console.log(`  ${t.replace(/%c\s*\w+\s*color:\s*\S+\s*/, '')}`); } });
  const host = `127.0.0.1:${cs.port}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`],
    ['extensionTestsPath', `vscode-remote://${host}${path.join(ROOT, 'out', 'test', 'integration', 'crash', o.entry)}`],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`${cs.url}?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(payload)}`);
  const deadline = Date.now() + 180000;
  while (!await o.until(page)) {
    if (Date.now() > deadline) { throw new Error(`the ${o.entry} run did not finish within 3 minutes; see ${o.logFile}`); }
    await new Promise(r => setTimeout(r, 5));
  }
  return { cs, browser };
}

main(async () => {
  setTimeout(() => { console.error('crash: TIMEOUT after 8 minutes'); process.exit(2); }, 8 * 60000).unref();
  const env = await provision();
  run(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT });
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-crash-'));
  const dirs = { dataDir: path.join(tmp, 'data'), profile: path.join(tmp, 'browser'), workspace: path.join(tmp, 'workspace') };
  for (const d of Object.values(dirs)) { fs.mkdirSync(d, { recursive: true }); }
  const port = await freePort();
  const marker = path.join(tmp, 'answered');
  const flushed = path.join(tmp, 'flushed');
  const stored = path.join(tmp, 'stored');
  const results = path.join(tmp, 'results.json');
  const logFile = path.join(CACHE, 'code-server-crash.log');
  console.log(`Crash test in VS Code ${vscodeVersion()}: ${CARDS} answers, then SIGKILL of code-server and the browser`);

  const first = await window(env, {
    ...dirs, port, entry: 'answer', logFile, hostEnv: { DJANGO_PREP_CRASH_MARKER: marker, DJANGO_PREP_CRASH_CARDS: String(CARDS), DJANGO_PREP_CRASH_FLUSHED: flushed, DJANGO_PREP_CRASH_STORED: stored },
    until: async page => {
      // The first half flushed: told to go on once the browser holds it with the journal's mark.
      if (fs.existsSync(flushed) && !fs.existsSync(stored)) {
        const progress = (await storedExtensionState(page))?.['djangoPrep.progress'];
        if (progress?.journal && Object.keys(progress.documents?.['crash-test']?.cards ?? {}).length >= CARDS / 2) { fs.writeFileSync(stored, JSON.stringify(progress.journal)); }
      }
      return fs.existsSync(marker);
    },
  });
  // At once: nothing gets a chance to flush.
  const pid = /** @type {number} */ (first.cs.proc.pid);
  try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  for (const p of processesUsing(dirs.profile)) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
  log('SIGKILLed code-server\'s process group and the browser right after the last answer');
  await first.cs.stop();
  await first.browser.close();
  fs.rmSync(path.join(dirs.profile, 'SingletonLock'), { force: true });

  const second = await window(env, { ...dirs, port, entry: 'check', logFile, hostEnv: { DJANGO_PREP_CRASH_RESULTS: results }, until: async () => fs.existsSync(results) });
  await second.browser.close();
  await second.cs.stop();
  const got = JSON.parse(fs.readFileSync(results, 'utf8'));
  const found = new Set(got.cards);
  const logged = new Set(got.logged);
  fs.rmSync(tmp, { recursive: true, force: true });
  const missing = Array.from({ length: CARDS }, (_, i) => `card-${i}`).filter(id => !found.has(id));
  const unlogged = Array.from({ length: CARDS }, (_, i) => `card-${i}`).filter(id => !logged.has(id));
  const lostOther = Object.entries(got.kept).filter(([, ok]) => !ok).map(([what]) => what);
  console.log(`crash: ${CARDS - missing.length} of ${CARDS} answered reviews survived the kill, ${CARDS - unlogged.length} in the history file; kept: ${Object.keys(got.kept).filter(k => got.kept[k]).join(', ')}`);
  if (missing.length) { console.error(`lost card states: ${missing.join(', ')}`); process.exitCode = 1; }
  if (unlogged.length) { console.error(`lost from the history: ${unlogged.join(', ')}`); process.exitCode = 1; }
  if (lostOther.length) { console.error(`lost: ${lostOther.join(', ')}`); process.exitCode = 1; }
  // The restart read the journal from a stored mark (the first half's, or a later flush's the
  // browser stored before the kill): fewer lines than it holds, and nothing above is missing.
  console.log(`crash: the restart read ${got.journalLines} of the journal's ${got.journalTotal} lines, from the mark stored with progress`);
  if (!got.markUsed) { console.error('the restart did not read the journal from the mark'); process.exitCode = 1; }
});
