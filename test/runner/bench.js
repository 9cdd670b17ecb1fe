#!/usr/bin/env node
// @ts-check
// `npm run bench`: one run on this machine. Node half (indexing, quiz, search), then the real
// extension host in code-server (activation marks, topic switches, heap), then sizes.
// Prints a table and writes .bench/results.json. Timings are never part of `npm test`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureDependencies } = require('./bootstrap');
const { hostileDocuments } = require('./hostile');
const { ROOT, CACHE, log, run, provision, vscodeVersion, runInExtensionHost, packageVsix, freePort, storedExtensionState } = require('./lib');
const { keyToNextCard } = require('./benchCard');

const GOALS = {
  activationMs: { goal: 'below the built-in median', ok: (/** @type {any} */ r) => r.activationMs < r.builtinMedianActivationMs },
  activateBodyMs: { goal: '< 5 ms', ok: (/** @type {any} */ r) => r.activateBodyMs < 5 },
  activateBodySettledMs: { goal: '< 5 ms', ok: (/** @type {any} */ r) => r.activateBodySettledMs < 5 },
  activationSettledMs: { goal: 'below the built-in median', ok: (/** @type {any} */ r) => r.activationSettledMs < r.builtinMedianActivationMs },
  activateBodyWorkspaceContainsMs: { goal: '< 5 ms', ok: (/** @type {any} */ r) => r.activateBodyWorkspaceContainsMs < 5 },
  activationWorkspaceContainsMs: { goal: 'below the built-in median', ok: (/** @type {any} */ r) => r.activationWorkspaceContainsMs < r.builtinMedianActivationMs },
  activateBodyStartupFinishedMs: { goal: '< 5 ms', ok: (/** @type {any} */ r) => r.activateBodyStartupFinishedMs < 5 },
  activationStartupFinishedMs: { goal: 'below the built-in median', ok: (/** @type {any} */ r) => r.activationStartupFinishedMs < r.builtinMedianActivationMs },
  indexRatio1MB: { goal: '<= 0.5', ok: (/** @type {any} */ r) => r.indexRatio1MB <= 0.5 },
  indexRatio10MB: { goal: '<= 0.5', ok: (/** @type {any} */ r) => r.indexRatio10MB <= 0.5 },
  topicSwitchP95Ms: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.topicSwitchP95Ms < 50 },
  nextQuestionP95Ms: { goal: '< 20 ms', ok: (/** @type {any} */ r) => r.nextQuestionP95Ms < 20 },
  searchP95Ms: { goal: '< 20 ms', ok: (/** @type {any} */ r) => r.searchP95Ms < 20 },
  vsixBytes: { goal: '< 1 MB', ok: (/** @type {any} */ r) => r.vsixBytes < 1024 * 1024 },
  recallCardRenderP95Ms: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.recallCardRenderP95Ms < 50 },
  recallDeck10kLongestBlockMs: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.recallDeck10kLongestBlockMs < 50 },
  historyBuildMs: { goal: '< 200 ms', ok: (/** @type {any} */ r) => r.historyBuildMs < 200 },
  dashboardOpenYearMs: { goal: '< 200 ms', ok: (/** @type {any} */ r) => r.dashboardOpenYearMs < 200 },
  cardsViewBuild5MBLongestBlockMs: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.cardsViewBuild5MBLongestBlockMs < 50 },
  gradeAnswerP95Ms: { goal: '< 10 ms', ok: (/** @type {any} */ r) => r.gradeAnswerP95Ms < 10 },
  gradeLongestBlockMs: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.gradeLongestBlockMs < 50 },
  renderLongestBlockMs: { goal: '< 100 ms', ok: (/** @type {any} */ r) => r.renderLongestBlockMs < 100 },
  rateToNextCardYearP95Ms: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.rateToNextCardYearP95Ms < 50 },
  recallCardRenderAfter30P95Ms: { goal: '< 50 ms', ok: (/** @type {any} */ r) => r.recallCardRenderAfter30P95Ms < 50 },
  bytesWrittenPerReview: { goal: '< 4 KB', ok: (/** @type {any} */ r) => r.bytesWrittenPerReview < 4096 },
  activationYearMs: { goal: 'within 10% of no history', ok: (/** @type {any} */ r) => r.activationYearMs <= 1.1 * r.activationEmptyMs },
};

async function main() {
  await ensureDependencies();
  const env = await provision();
  run(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], { cwd: ROOT });
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')]);
  /** @type {Record<string, any>} */
  const results = {};

  // DJANGO_PREP_BENCH_ONLY=year: the year-of-study windows alone (a quick look while working on them).
  const only = process.env.DJANGO_PREP_BENCH_ONLY;
  if (only === 'year') {
    await yearOfStudy(env, results);
    fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, '.bench', 'year.json'), JSON.stringify(results, null, 2) + '\n');
    return printYear(results);
  }
  log('Node: indexing generated 100 KB, 1 MB and 10 MB documents against markdown-it\'s full parse...');
  const node = require(path.join(ROOT, 'out', 'test', 'bench', 'node.js'));
  Object.assign(results, node.indexing());
  log('Node: quiz and search over a 10,000-topic document...');
  Object.assign(results, node.quizAndSearch());
  log('Node: the offline grader, a 300-word answer against 6 key points...');
  Object.assign(results, node.grading());
  log('Node: the dashboard\'s study history from a year of reviews (365 days x 100)...');
  Object.assign(results, node.dashboardHistory(path.join(ROOT, 'content', 'guide', 'django-interview-prep.md')));
  log('Node: rendering the largest topic of each hostile document and a 2 MB topic, in slices...');
  const hostileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bench-hostile-'));
  Object.assign(results, await node.slicedBuilds(hostileDocuments(hostileDir, path.join(ROOT, 'test', 'fixtures', 'hostile'))));
  fs.rmSync(hostileDir, { recursive: true, force: true });

  // Seven windows, each a fresh extension host: the median of each figure, since one
  // activation on a shared two-core machine says little.
  const HOST_RUNS = Number(process.env.DJANGO_PREP_BENCH_HOST_RUNS || 7);
  /** @type {Record<string, any>[]} */
  const hostRuns = [];
  for (let run = 1; run <= HOST_RUNS; run++) {
    log(`VS Code ${vscodeVersion()}, window ${run} of ${HOST_RUNS}: activation, topic switches and heap in the extension host...`);
    hostRuns.push(await hostWindow(env, process.env.DJP_IDLE ? { DJP_IDLE: process.env.DJP_IDLE } : {}));
  }
  for (const key of Object.keys(hostRuns[0])) {
    const values = hostRuns.map(r => r[key]);
    results[key] = typeof values[0] === 'number' ? values.sort((a, b) => a - b)[Math.floor(values.length / 2)] : values[0];
  }
  results.hostRuns = hostRuns;

  // Today's activation events (the manifest before issue 25: the topic panel, the view and
  // commands only), same code: five windows where the Topics view is opened once the workbench
  // has settled, activate() without the startup rush on the two cores.
  const todayManifest = manifestWith(['onWebviewPanel:djangoPrep.topic']);
  const SETTLED_RUNS = Number(process.env.DJANGO_PREP_BENCH_SETTLED_RUNS || 5);
  const settledRuns = [];
  for (let run = 1; run <= SETTLED_RUNS; run++) {
    log(`VS Code ${vscodeVersion()}, window ${run} of ${SETTLED_RUNS}: today's events, activation on opening the Topics view after startup...`);
    settledRuns.push(await hostWindow(env, { DJANGO_PREP_BENCH_SETTLED: '1' }, { extensionPath: todayManifest }));
  }
  if (settledRuns.length) {
    Object.assign(results, medians(settledRuns, { activateBodySettledMs: 'activateBodySettledMs', activationSettledMs: 'activationSettledMs' }));
    results.settledRuns = settledRuns;
  }
  fs.rmSync(todayManifest, { recursive: true, force: true });

  // The new events, with nothing in the window activating the extension: workspaceContains (a
  // workspace with a practice file, as a returning user's) and onStartupFinished (one without).
  const BY_ITSELF_RUNS = Number(process.env.DJANGO_PREP_BENCH_EVENT_RUNS || 5);
  for (const [event, withPractice] of /** @type {const} */ ([['WorkspaceContains', true], ['StartupFinished', false]])) {
    const runs = [];
    for (let run = 1; run <= BY_ITSELF_RUNS; run++) {
      log(`VS Code ${vscodeVersion()}, window ${run} of ${BY_ITSELF_RUNS}: activation by ${event === 'WorkspaceContains' ? 'workspaceContains:interview-practice' : 'onStartupFinished'} alone...`);
      runs.push(await hostWindow(env, { DJANGO_PREP_BENCH_BY_ITSELF: '1' }, { practiceFile: withPractice }));
    }
    if (runs.length) {
      Object.assign(results, medians(runs, {
        [`activation${event}Ms`]: 'activationMs', [`activateBody${event}Ms`]: 'activateBodyMs', [`activated${event}AtMs`]: 'activatedAtMs',
        ...(withPractice ? { practiceListedAtMs: 'practiceListedAtMs' } : {}),
      }));
      results[`by${event}Runs`] = runs;
    }
  }

  await yearOfStudy(env, results);

  results.bundleBytes = fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size;
  results.practiceToolsBytes = fs.statSync(path.join(ROOT, 'dist', 'practiceTools.js')).size;
  results.vsixBytes = fs.statSync(packageVsix(path.join(CACHE, 'bench.vsix'))).size;
  results.machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  results.date = new Date().toISOString();

  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  printTable(results);
}

/**
 * A year of study: one window stores 365 days x 100 reviews and their card states in user data
 * kept between windows; then windows on that data and on empty data time activation to progress
 * loaded, and the year's windows the history read, the quiz and the bytes a review writes.
 * @param {any} env @param {Record<string, any>} results
 */
async function yearOfStudy(env, results) {
  const YEAR_RUNS = Number(process.env.DJANGO_PREP_BENCH_YEAR_RUNS || 5);
  if (!YEAR_RUNS) { return; }
  const yearData = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bench-year-'));
  // code-server keeps globalState in the browser (IndexedDB, per origin): the year's windows share
  // a browser profile and a port, as a returning user's browser does.
  const year = { dataDir: yearData, profile: path.join(yearData, 'browser'), port: await freePort() };
  log(`VS Code ${vscodeVersion()}: storing a year of study (36,500 reviews) in a window's user data...`);
  await hostWindow(env, { DJANGO_PREP_BENCH_YEAR: 'seed' }, year);
  const yearRuns = [];
  const emptyRuns = [];
  for (let run = 1; run <= YEAR_RUNS; run++) {
    log(`VS Code ${vscodeVersion()}, window ${run} of ${YEAR_RUNS}: activation with no history, then with a year, its history read and a 45-card quiz...`);
    const emptyData = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bench-empty-'));
    emptyRuns.push(await hostWindow(env, { DJANGO_PREP_BENCH_YEAR: 'empty' }, { dataDir: emptyData }));
    fs.rmSync(emptyData, { recursive: true, force: true });
    yearRuns.push(await hostWindow(env, { DJANGO_PREP_BENCH_YEAR: 'measure' }, year));
  }
  // The reader's side: the rating key on the card until the next question is drawn, in the
  // page's clock, on the year's data and on none.
  const vsix = packageVsix(path.join(CACHE, 'bench.vsix'));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bench-empty-'));
  for (const [name, data] of /** @type {const} */ ([['Year', year], ['Empty', { dataDir: empty, profile: '', port: 0 }]])) {
    log(`VS Code ${vscodeVersion()}: 45 open questions rated Good with the keys on the card, ${name === 'Year' ? 'with a year of history' : 'with no history'}...`);
    const times = await keyToNextCard({ env, vsix, ...data });
    results[`rateToNextCard${name}P50Ms`] = percentile(times, 50);
    results[`rateToNextCard${name}P95Ms`] = percentile(times, 95);
    results[`rateToNextCard${name}Times`] = times.map(t => Math.round(t * 10) / 10);
  }
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(yearData, { recursive: true, force: true });
  Object.assign(results, medians(emptyRuns, { activationEmptyMs: 'activationToReadyMs', activateBodyEmptyMs: 'activateBodyMs' }));
  Object.assign(results, medians(yearRuns, {
    activationYearMs: 'activationToReadyMs', historyLoadYearMs: 'historyLoadYearMs', rateToNextHeardYearP50Ms: 'rateToNextHeardYearP50Ms', rateToNextHeardYearP95Ms: 'rateToNextHeardYearP95Ms',
    recallCardRenderYearP95Ms: 'recallCardRenderYearP95Ms', recallCardRenderAfter30P95Ms: 'recallCardRenderAfter30P95Ms',
    rateToShownYearP95Ms: 'rateToShownYearP95Ms', activateBodyYearMs: 'activateBodyMs', loadParseYearMs: 'parseMs', loadHistoryYearMs: 'historyMs', loadJournalYearMs: 'journalMs', loadJournalLinesYear: 'journalLines', recallCardShownYearP95Ms: 'recallCardShownYearP95Ms', recallCardShownAfter30P95Ms: 'recallCardShownAfter30P95Ms',
    historyFileYearBytes: 'historyFileYearBytes', bytesWrittenPerReview: 'bytesWrittenPerReview', diskBytesPerReview: 'diskBytesPerReview', stateBytesPerReview: 'stateBytesPerReview', flushBytes: 'flushBytes',
  }));
  results.yearRuns = yearRuns;
  results.emptyRuns = emptyRuns;
}

/** The year's figures alone (DJANGO_PREP_BENCH_ONLY=year). @param {Record<string, any>} r */
function printYear(r) {
  for (const [k, v] of Object.entries(r)) { if (typeof v === 'number') { console.log(`${k.padEnd(34)} ${v.toFixed(1)}`); } }
  for (const k of ['rateToNextCardYearTimes', 'rateToNextCardEmptyTimes']) { if (r[k]) { console.log(`${k}: ${r[k].join(' ')}`); } }
  console.log('(all of it in .bench/year.json)');
}

/** Nearest rank, as in the extension-host half (test/bench/host.ts). */
function percentile(/** @type {number[]} */ xs, /** @type {number} */ p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** The median of each named figure over the windows: `{ resultKey: windowKey }`. */
function medians(/** @type {Record<string, any>[]} */ runs, /** @type {Record<string, string>} */ keys) {
  /** @type {Record<string, number>} */
  const out = {};
  for (const [key, from] of Object.entries(keys)) {
    const values = runs.map(r => r[from]).filter(v => typeof v === 'number').sort((a, b) => a - b);
    if (values.length) { out[key] = values[Math.floor(values.length / 2)]; }
  }
  return out;
}

/**
 * The extension as a development folder whose manifest has other activation events (the same
 * dist/, content/ and media/, linked): today's events measured beside the new ones in one run.
 */
function manifestWith(/** @type {string[]} */ activationEvents) {
  const dir = path.join(CACHE, 'bench-manifest');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, activationEvents }, null, 2));
  for (const d of ['dist', 'content', 'media']) { fs.symlinkSync(path.join(ROOT, d), path.join(dir, d)); }
  return dir;
}

/**
 * One fresh code-server window running test/bench/host.ts; its figures. With `practiceFile`
 * the workspace holds a practice Dockerfile in interview-practice/, as a returning user's does.
 * @param {any} env @param {Record<string, string>} hostEnv
 * @param {{ extensionPath?: string, practiceFile?: boolean, dataDir?: string, profile?: string, port?: number }} [o]
 */
async function hostWindow(env, hostEnv, o = {}) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bench-'));
  if (o.practiceFile) {
    const dockerfile = path.join(workspace, 'interview-practice', 'dockerfile', 'Dockerfile');
    fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
    const starter = fs.readFileSync(path.join(ROOT, 'content', 'exercises', 'dockerfile', 'starter', 'Dockerfile'), 'utf8');
    fs.writeFileSync(dockerfile, starter.replace(/\n/, '\n# Exercise id: dockerfile\n'));
  }
  const file = path.join(CACHE, 'bench-host.json');
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.stored`, { force: true });
  const { exitCode } = await runInExtensionHost({
    env, workspace, logFile: path.join(CACHE, 'code-server-bench.log'), timeoutMs: 300000, extensionPath: o.extensionPath, dataDir: o.dataDir, profile: o.profile, port: o.port,
    // A kept browser: the window ends once it has stored the last flush, as a browser left open
    // does (closing it at once can lose that write, and the next window replays the journal).
    whileRunning: o.profile ? page => storedFlush(page, file) : undefined,
    testsEntry: path.join(ROOT, 'out', 'test', 'bench', 'host'), hostEnv: { DJANGO_PREP_BENCH_RESULTS: file, ...hostEnv },
  });
  fs.rmSync(workspace, { recursive: true, force: true });
  if (exitCode !== 0 || !fs.existsSync(file)) { throw new Error(`the extension-host part failed (exit ${exitCode})`); }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * While the window runs: once its results name the journal mark of its last flush, waits until
 * the browser's storage holds it, then tells the window (`<results>.stored`).
 * @param {import('playwright-core').Page} page @param {string} resultsFile
 */
async function storedFlush(page, resultsFile) {
  while (!page.isClosed()) {
    await new Promise(r => setTimeout(r, 50));
    if (!fs.existsSync(resultsFile)) { continue; }
    const mark = JSON.parse(fs.readFileSync(resultsFile, 'utf8')).storedMark;
    const stored = mark && (await storedExtensionState(page))?.['djangoPrep.progress']?.journal;
    if (!mark || (stored && stored.id === mark.id && stored.bytes === mark.bytes)) {
      fs.writeFileSync(`${resultsFile}.stored`, '');
      return;
    }
  }
}

/** @param {Record<string, any>} r */
function printTable(r) {
  const fmt = (/** @type {string} */ k) => {
    const v = r[k];
    if (typeof v !== 'number') { return String(v); }
    if (k.endsWith('Bytes')) { return `${(v / 1024).toFixed(0)} KB`; }
    if (k.startsWith('indexRatio')) { return v.toFixed(2); }
    if (k.endsWith('MB')) { return `${v.toFixed(1)} MB`; }
    return `${v.toFixed(v < 10 ? 2 : 0)}${k.endsWith('Ms') ? ' ms' : ''}`;
  };
  const rows = [
    ['activationMs', 'load+activate at startup, activate() called as a command or the restored topic panel does (extension host marks)'], ['builtinMedianActivationMs', `median of ${r.builtinActivated} built-in extensions`],
    ['activateBodyMs', `  its activate() body (windows: ${r.hostRuns.map((/** @type {any} */ h) => h.activateBodyMs.toFixed(1)).join(', ')})`],
    ...(r.settledRuns ? [
      ['activationSettledMs', 'today\'s events (topic panel, view, commands): load+activate on opening the Topics view after startup'],
      ['activateBodySettledMs', `  its activate() body (windows: ${r.settledRuns.map((/** @type {any} */ h) => h.activateBodySettledMs.toFixed(1)).join(', ')})`],
    ] : []),
    ...(r.byWorkspaceContainsRuns ? [
      ['activationWorkspaceContainsMs', 'new: workspaceContains:interview-practice (a returning user\'s workspace): load+activate, nothing opened'],
      ['activateBodyWorkspaceContainsMs', `  its activate() body (windows: ${r.byWorkspaceContainsRuns.map((/** @type {any} */ h) => h.activateBodyMs.toFixed(1)).join(', ')})`],
      ['activatedWorkspaceContainsAtMs', '  activated, counted from the extension host\'s start'],
      ['practiceListedAtMs', '  the practice file listed in the Testing view, from the same start'],
    ] : []),
    ...(r.byStartupFinishedRuns ? [
      ['activationStartupFinishedMs', 'new: onStartupFinished (any window, for the due count): load+activate'],
      ['activateBodyStartupFinishedMs', `  its activate() body (windows: ${r.byStartupFinishedRuns.map((/** @type {any} */ h) => h.activateBodyMs.toFixed(1)).join(', ')})`],
      ['activatedStartupFinishedAtMs', '  activated, counted from the extension host\'s start'],
    ] : []),
    ['indexRatio100KB', `index 100 KB: ${fmt('index100KBMs')} vs full parse ${fmt('fullParse100KBMs')}`],
    ['indexRatio1MB', `index 1 MB: ${fmt('index1MBMs')} vs full parse ${fmt('fullParse1MBMs')}`],
    ['indexRatio10MB', `index 10 MB: ${fmt('index10MBMs')} vs full parse ${fmt('fullParse10MBMs')}`],
    ['topicSwitchP50Ms', 'topic switch p50 (command to webview rendered; Topics view open; each from an idle workbench)'], ['topicSwitchP95Ms', 'topic switch p95'],
    ['topicSwitchBackToBackP95Ms', `back to back, no pause between switches, p95 (p50 ${fmt('topicSwitchBackToBackP50Ms')})`],
    ['topicSwitchSentP95Ms', 'of which the extension side (command until posted), p95'],
    ['topicSwitchToPageP50Ms', 'of which on the way to the page (posted until received), p50'],
    ['topicSwitchInPageP50Ms', 'of which in the page (received until drawn), p50'],
    ['topicSwitchInPageP95Ms', 'of which in the page, p95'],
    ['topicSwitchBackP50Ms', 'of which on the way back (drawn until the extension hears), p50'],
    ['nextQuestionP95Ms', `next question p95 (${r.cards10k} cards, 10,000 topics)`], ['searchP95Ms', `search p95 (index built in ${fmt('searchIndexMs')})`],
    ['deckLongestBlockMs', `longest freeze while the 10,000-topic deck builds in slices (${fmt('deckBuildMs')} in one go)`],
    ['searchIndexLongestBlockMs', 'longest freeze while its search index builds in slices'],
    ['recallCardRenderP95Ms', `recall card posted to drawn on the card page, p95 over the ${r.recallCardsDrawn} cards after the first of a 15-question quiz (p50 ${fmt('recallCardRenderP50Ms')}; the first, which opens the panel: ${fmt('recallCardFirstMs')})`],
    ['recallCardShownP95Ms', 'the same until the page has drawn the card (without its report\'s way back), p95'],
    ['recallCardToPageP95Ms', `of which on the way to the page, p95 (p50 ${fmt('recallCardToPageP50Ms')})`],
    ['recallCardInPageP95Ms', 'of which in the page, p95'],
    ['recallCardBackP95Ms', 'of which on the way back, p95'],
    ['recallDeck10kLongestBlockMs', `longest freeze while a notes file of 10,000 questions in five formats builds its deck (${r.recallDeck10kCards} cards) in slices (${fmt('recallDeck10kMs')} in all)`],
    ['cardsViewBuild5MBLongestBlockMs', `longest freeze while Show Cards in This Document builds its page for ${fmt('cardsView5MBBytes')} of notes (${r.cardsView5MBCards} cards; ${fmt('cardsViewBuild5MBMs')} in all)`],
    ['renderLongestBlockMs', `longest freeze while the largest topic of each hostile document (2 MB line of links, 10,000 headings, 2,000-deep lists, binary, 20 MB) and a 2 MB topic of prose render in slices (slowest in one go: ${fmt('renderInOneGoMs')})`],
    ['parse10MBLongestBlockMs', `longest freeze while a 10 MB document is parsed in slices (${fmt('parse10MBInOneGoMs')} in one go)`],
    ['historyBuildMs', `dashboard study history from a year of logs (${r.historyReviews} reviews): figures + HTML in Node (${fmt('historyHtmlBytes')} of HTML)`],
    ['historyLogParseMs', 'reading that log back from its stored JSON (once, after activation)'],
    ['historyLogBytes', 'that log as stored (globalState JSON)'],
    ['historyExportBytes', 'that log in an exported progress file'],
    ['gradeAnswerP95Ms', `offline grade of a 300-word answer against 6 key points in the extension host, p95 of 300 (max ${fmt('gradeAnswerMaxMs')}; the first, which loads the grader: ${fmt('gradeAnswerFirstMs')}; in Node p95 ${fmt('gradeAnswerNodeP95Ms')})`],
    ['gradeLongestBlockMs', 'longest block of the extension host while those 301 answers were graded (event-loop delay monitor, first one included)'],
    ['dashboardOpenYearMs', 'Show Progress with that log in the real extension host: command until the page\'s HTML is set'],
    ...(r.yearRuns ? [
      ['activationEmptyMs', 'a year of study (own windows, user data and browser storage kept): activate() until progress is loaded, no history'],
      ['activationYearMs', `  the same with a year of history (36,500 reviews, ${r.yearRuns[0].historyReviews ?? '?'} read back; parse ${fmt('loadParseYearMs')}, journal ${fmt('loadJournalYearMs')} for ${r.loadJournalLinesYear} lines; the synced history loads after it, in ${fmt('loadHistoryYearMs')})`],
      ['historyLoadYearMs', `  the whole history read from its file (${fmt('historyFileYearBytes')}), the first time in the window (dashboard, export)`],
      ['rateToNextCardYearP95Ms', `  rating key 3 pressed on the card until the next question is drawn, the page's own clock, p95 of 45 (p50 ${fmt('rateToNextCardYearP50Ms')}; no history: p95 ${fmt('rateToNextCardEmptyP95Ms')})`],
      ['rateToNextHeardYearP95Ms', `  the box's Enter sent from the extension until it hears the next card drawn, p95 of 44 (p50 ${fmt('rateToNextHeardYearP50Ms')}; until drawn: ${fmt('rateToShownYearP95Ms')})`],
      ['recallCardRenderYearP95Ms', '  recall card posted to drawn, p95, cards 1-15 of that quiz (a fresh window)'],
      ['recallCardRenderAfter30P95Ms', '  the same, cards 31-45 (after 30 cards)'],
      ['bytesWrittenPerReview', `  bytes one review writes, disk and globalState (disk ${fmt('diskBytesPerReview')}, globalState ${fmt('stateBytesPerReview')})`],
      ['flushBytes', '  one flush of globalState after the quiz (when the window loses focus, closes, or 5 minutes after a review)'],
    ] : []),
    ['bundleBytes', 'dist/extension.js (production), loaded at activation'],
    ['practiceToolsBytes', 'dist/practiceTools.js (production): the Dockerfile, Compose and nginx checkers, loaded on the first check'],
    ['vsixBytes', '.vsix with all content'],
    ['extHostHeapDeltaMB', `extension-host heap growth after opening all ${r.topicsOpened} topics`],
  ];
  console.log(`\nBenchmark, ${r.date.slice(0, 10)}, ${r.machine}, VS Code ${r.vscodeVersion}\n`);
  console.log(`${'key'.padEnd(26)} ${'value'.padStart(10)}  ${'goal'.padEnd(26)} what`);
  for (const [k, what] of rows) {
    const g = /** @type {Record<string, { goal: string, ok: (r: any) => boolean }>} */ (GOALS)[k];
    const verdict = g ? `${g.ok(r) ? 'met   ' : 'MISSED'} ${g.goal}` : '';
    console.log(`${k.padEnd(26)} ${fmt(k).padStart(10)}  ${verdict.padEnd(26)} ${what}`);
  }
  console.log(`\nwritten to ${path.join('.bench', 'results.json')}`);
}

require('./steps').main(main);
