// @ts-check
// UI steps for a returning user (called from ui.js), in a window of their own: a workspace with a
// practice Dockerfile, Python file and compose.yaml from yesterday, and progress with cards due.
// The window is reloaded; then, without touching the Django Prep sidebar, each file is opened from
// Quick Open and must show its CodeLenses and gutter run buttons, the Testing view must list its
// tasks, and the status bar the due count. A user template's exercise.json with schema errors
// shows them in the Problems panel. Nothing here opens the extension's view or runs its commands
// after the reload: only its activation events (package.json) can bring it up.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { palette, pick, pickFile } = require('./workbench');
const { ROOT, startCodeServer, launchChromium, ensurePythonPackages } = require('./lib');

/** @typedef {import('playwright-core').Page} Page */

/** A TypeScript module of the core (no vscode import), bundled in memory: the real composer and task reader. */
function core(/** @type {string} */ file) {
  const { outputFiles } = require('esbuild').buildSync({ entryPoints: [path.join(ROOT, file)], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const m = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(m, m.exports, require);
  return /** @type {any} */ (m.exports);
}

const DUE = 7;
const DAY = 86400000;

/** The three practice files as a learner left them yesterday: the starters, composed as the extension writes them. */
function practiceFiles(/** @type {string} */ workspace) {
  const { composeExercise } = core('src/core/practice/exercises.ts');
  const { tasksOf } = core('src/core/practice/runCheck.ts');
  const ex = (/** @type {string[]} */ ...p) => fs.readFileSync(path.join(ROOT, 'content', 'exercises', ...p), 'utf8');
  const templates = { django: ex('_django.py'), runner: ex('_runner.py'), services: ex('_services.py') };
  const files = [
    { quickOpen: 'Dockerfile', rel: 'interview-practice/dockerfile/Dockerfile', kind: 'dockerfile', title: 'A Production Dockerfile for Django', text: composeExercise(ex('dockerfile', 'starter', 'Dockerfile'), 'dockerfile', templates) },
    { quickOpen: 'drf_crud.py', rel: 'interview-practice/drf_crud.py', kind: 'python', title: 'CRUD API with a ModelSerializer, ModelViewSet and router', text: composeExercise(ex('drf-crud', 'starter.py'), 'drf-crud', templates, ex('drf-crud', 'checks.py')) },
    { quickOpen: 'compose.yaml', rel: 'interview-practice/docker-compose/compose.yaml', kind: 'compose', title: 'A Docker Compose Stack for Django', text: composeExercise(ex('docker-compose', 'starter', 'compose.yaml'), 'docker-compose', templates) },
  ];
  return files.map(f => {
    const file = path.join(workspace, f.rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
    /** @type {Array<{ number: number, title: string, line: number }>} */
    const tasks = tasksOf(f.kind, f.text);
    assert.ok(tasks.length >= 3, `${f.rel} has tasks`);
    return { ...f, file, tasks };
  });
}

/** Progress exported yesterday: DUE guide cards in review, due since yesterday (fixed ids, no randomness). */
function progressFile(/** @type {string} */ dir) {
  const bank = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'questions', 'python-core.json'), 'utf8'));
  const now = Date.now();
  /** @type {Record<string, number[]>} */
  const cards = {};
  // [due, stability, difficulty, scheduled days, learning steps, reps, lapses, state (2 = review), last review]
  for (const q of bank.slice(0, DUE)) { cards[`q:${q.id}`] = [now - DAY, 3, 5, 3, 0, 2, 0, 2, now - 4 * DAY]; }
  const file = path.join(dir, 'progress-from-yesterday.json');
  fs.writeFileSync(file, JSON.stringify({ version: 1, documents: { guide: { read: {}, practised: {}, cards } } }));
  return file;
}

/** Opens a file from Quick Open (Ctrl+P, or the palette's box with its `>` removed), by name. */
async function quickOpen(/** @type {Page} */ page, /** @type {string} */ name, /** @type {string} */ rel) {
  const input = page.locator('.quick-input-widget input.input');
  await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
  await page.keyboard.press('Control+P');
  try { await input.waitFor({ timeout: 3000 }); } catch { await page.keyboard.press('F1'); await input.waitFor(); }
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.dirname(rel) === '.' ? name : path.dirname(rel) }).filter({ hasText: name }).first();
  await row.waitFor({ timeout: 30000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** Moves the cursor to a 1-based line (Go to Line), which scrolls it into view. */
async function goToLine(/** @type {Page} */ page, /** @type {number} */ line) {
  await palette(page, 'Go to Line/Column...');
  const input = page.locator('.quick-input-widget input.input');
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** In the page: is there a run button in the active editor's gutter at 1-based line `n` ('hidden': the line is not drawn)? */
function runButtonState(/** @type {number} */ n) {
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  const number = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find(e => e.textContent?.trim() === String(n));
  if (!number) { return 'hidden'; }
  const top = number.getBoundingClientRect().top;
  return [...(editor?.querySelectorAll('.testing-run-glyph') ?? [])].some(g => Math.abs(g.getBoundingClientRect().top - top) < 3) ? 'found' : 'missing';
}

/** Waits for the Testing view's run button in the gutter at the active editor's 1-based `line`, scrolled into view if needed. */
async function runButtonAt(/** @type {Page} */ page, /** @type {number} */ line) {
  if (await page.evaluate(runButtonState, line) === 'hidden') { await goToLine(page, line); }
  await page.waitForFunction(`(${runButtonState.toString()})(${line}) === 'found'`, undefined, { timeout: 30000 })
    .catch(() => { throw new Error(`no run button in the gutter at line ${line}`); });
}

/**
 * @param {{ env: any, vsix: string, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string, log: (...a: unknown[]) => void }} o
 */
async function returningUserSteps({ env, vsix, step, shots, log }) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-returning-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-returning-home-'));
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'djangoPrep.pythonPath': await ensurePythonPackages() }));
  const files = practiceFiles(workspace);
  // A user template with two mistakes the schema catches: an unknown check kind, a misspelt field.
  const template = path.join(workspace, 'my-templates', 'my-drill', 'exercise.json');
  fs.mkdirSync(path.dirname(template), { recursive: true });
  fs.writeFileSync(template, JSON.stringify({ id: 'my-drill', title: 'My drill', topic: 'django/signals', description: 'Mine.', file: 'my_drill.py', check: 'docker', requries: ['django'] }, null, 2) + '\n');
  const progress = progressFile(outside);
  const cs = await startCodeServer({ ...env, workspace, installVsix: vsix, devMode: false, logFile: path.join(path.dirname(shots), 'code-server-ui-returning.log') });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(20000);
  const dueItem = page.locator('.part.statusbar .statusbar-item', { hasText: new RegExp(`\\b${DUE} due\\b`) });
  try {
    await page.goto(`${cs.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.activitybar').waitFor();

    await step('returning user, the day before: progress with cards due imported from the palette', async () => {
      // The palette lists the extension's commands once the extensions are read: its activity-bar item says so.
      await page.locator('.part.activitybar .action-item [aria-label^="Django Interview Prep"]').first().waitFor({ timeout: 60000 });
      await palette(page, 'Django Prep: Import Progress...');
      await pickFile(page, progress);
      await pick(page, 'Merge with your current progress', 'Merge');
      await dueItem.waitFor();
      await palette(page, 'View: Close All Editors');
    });

    await step('returning user: after a window reload, the status bar shows the due count with nothing opened', async () => {
      await Promise.all([page.waitForNavigation({ timeout: 30000 }), palette(page, 'Developer: Reload Window')]);
      await page.locator('.monaco-workbench .part.activitybar').waitFor();
      // A new extension host starts: on a loaded 2-core machine that alone can take 20 s.
      await dueItem.waitFor({ timeout: 60000 });
      assert.strictEqual(await page.locator('.part.sidebar .monaco-list-row[aria-label^="Section Python,"]').count(), 0, 'the Topics view was not opened');
      await page.screenshot({ path: path.join(shots, 'returning-status-bar.png') });
    });

    for (const f of files) {
      await step(`returning user: ${path.basename(f.rel)} from Quick Open has its CodeLenses and a run button per task in the gutter`, async () => {
        await quickOpen(page, f.quickOpen, f.rel);
        const editor = page.locator('.editor-group-container.active .monaco-editor').first();
        await editor.locator('.codelens-decoration a', { hasText: 'Check' }).waitFor({ timeout: 60000 });
        await editor.locator('.codelens-decoration a', { hasText: 'Compare with Solution' }).waitFor();
        // A run button on the first line (the file) and at each task's line (tasks may share one).
        const lines = [...new Set([0, ...f.tasks.map(t => t.line)])].sort((a, b) => a - b);
        for (const line of lines) { await runButtonAt(page, line + 1); }
        log(`${path.basename(f.rel)}: a run button at each of lines ${lines.map(l => l + 1).join(', ')} (${f.tasks.length} tasks)`);
        await goToLine(page, 1);
        await runButtonAt(page, 1);
        await page.screenshot({ path: path.join(shots, `returning-${f.kind}.png`) });
      });
    }

    await step('returning user: the Testing view lists each practice file with its tasks', async () => {
      await palette(page, 'Testing: Focus on Test Explorer View');
      const view = page.locator('.test-explorer');
      for (const f of files) {
        const row = view.locator('.monaco-list-row', { hasText: f.title });
        await row.waitFor();
        if (await row.getAttribute('aria-expanded') !== 'true') { await row.click(); await page.keyboard.press('ArrowRight'); }
        for (const t of f.tasks) { await view.locator('.monaco-list-row', { hasText: `Task ${t.number}: ${t.title}` }).first().waitFor(); }
      }
      await page.screenshot({ path: path.join(shots, 'returning-testing-view.png') });
    });

    await step('a user template\'s exercise.json: the schema\'s errors show in the Problems panel', async () => {
      await quickOpen(page, 'exercise.json', 'my-templates/my-drill/exercise.json');
      await palette(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      const problems = page.locator('.markers-panel');
      await problems.locator('.monaco-list-row', { hasText: 'exercise.json' }).first().waitFor({ timeout: 60000 });
      await problems.locator('.monaco-list-row', { hasText: /Property requries is not allowed/ }).first().waitFor({ timeout: 30000 });
      await problems.locator('.monaco-list-row', { hasText: /Value is not accepted\. Valid values: "python", "dockerfile", "nginx", "compose"/ }).first().waitFor();
      await page.screenshot({ path: path.join(shots, 'exercise-json-problems.png') });
    });
  } catch (e) {
    try { await page.screenshot({ path: path.join(shots, 'returning-failure.png') }); } catch { /* ignore */ }
    throw e;
  } finally {
    await browser.close();
    await cs.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
}

module.exports = { returningUserSteps };
