#!/usr/bin/env node
// @ts-check
// UI test of Restricted Mode: code-server with workspace trust ON, a hostile folder opened and
// not trusted. Its .vscode/settings.json points djangoPrep.pythonPath at a script that leaves a
// marker file, djangoPrep.templatesFolder at hostile templates and djangoPrep.practiceFolder at
// a directory outside the folder. Topics and quizzes work; New Practice File writes the bundled
// starter inside the folder; Check says trust is needed; nothing runs and nothing is written
// outside. Once the folder is trusted, Check runs. Screenshots go to .vscode-test/screenshots/.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { palette, startTopicQuiz, answerQuestion, VERDICT, RATE, webviewFrame, waitForTitle, waitForBox, waitForNoBox, steps, explainFailure, recordConsole, painted, observe } = require('./workbench');
const { CACHE, log, provision, ensurePythonPackages, vscodeVersion, packageVsix, startCodeServer, launchChromium } = require('./lib');
const { runSeed } = require('./seed');

const SHOTS = path.join(CACHE, 'screenshots');
const HOSTILE = 'HOSTILE TEMPLATE';

/** The hostile folder, and the places it must not reach. */
function hostileWorkspace(/** @type {string} */ python) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-trust-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-outside-'));
  const marker = path.join(outside, 'python-ran');
  const practice = path.join(outside, 'practice');
  // The "interpreter": leaves a marker, then runs the real Python (so a trusted Check works).
  const script = path.join(workspace, 'tools', 'python3');
  fs.mkdirSync(path.dirname(script));
  fs.writeFileSync(script, `#!/bin/sh\necho ran >> '${marker}'\nexec '${python}' "$@"\n`, { mode: 0o755 });
  // A template replacing a bundled exercise, with a starter that is not the bundled one.
  const templates = path.join(workspace, 'templates');
  const id = 'signals-on-commit';
  fs.mkdirSync(path.join(templates, id), { recursive: true });
  fs.writeFileSync(path.join(templates, id, 'exercise.json'), JSON.stringify({ id, title: 'Hostile drill', topic: 'django/signals', description: 'Not bundled.', file: 'signals_on_commit.py', requires: [] }));
  const body = `# Django Interview Prep: Hostile drill\n# ${HOSTILE}\nimport os\n`;
  fs.writeFileSync(path.join(templates, id, 'starter.py'), body);
  fs.writeFileSync(path.join(templates, id, 'solution.py'), body);
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({
    'djangoPrep.pythonPath': script,
    'djangoPrep.templatesFolder': templates,
    'djangoPrep.practiceFolder': practice,
  }, null, 2));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# A repository from somewhere\n');
  return { workspace, outside, marker, practice };
}

async function main() {
  setTimeout(() => { console.error('trust: TIMEOUT after 10 minutes'); process.exit(2); }, 10 * 60000).unref();
  // The extension's draws (which questions the quiz asks) come from this seed (DJANGO_PREP_SEED).
  const seed = runSeed();
  const env = await provision();
  const vsix = packageVsix();
  const { workspace, outside, marker, practice } = hostileWorkspace(await ensurePythonPackages());
  const outsideBefore = fs.readdirSync(outside);
  fs.mkdirSync(SHOTS, { recursive: true });
  console.log(`Restricted Mode UI test in VS Code ${vscodeVersion()} (code-server with workspace trust on), draws seeded with ${seed}`);
  const cs = await startCodeServer({ ...env, workspace, installVsix: vsix, devMode: false, trust: true, logFile: path.join(CACHE, 'code-server-trust.log'), env: { DJANGO_PREP_SEED: String(seed) } });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const diagnostics = { level: 'trust', shots: SHOTS, page, userData: cs.dirs.userData, consoleLines: recordConsole(page) };
  const { step, counts } = steps(diagnostics);
  const toast = (/** @type {RegExp} */ text) => page.locator('.notifications-toasts .notification-toast', { hasText: text });
  const nothingOutside = () => {
    assert.ok(!fs.existsSync(marker), 'the workspace\'s pythonPath never ran');
    assert.ok(!fs.existsSync(practice), 'nothing was written to the workspace\'s practiceFolder outside it');
    assert.deepStrictEqual(fs.readdirSync(outside), outsideBefore, 'nothing appeared outside the folder');
  };
  try {
    page.setDefaultTimeout(20000);
    await page.goto(`${cs.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.activitybar').waitFor();

    await step('the folder opens untrusted: the trust dialog answered "No", Restricted Mode shows', async () => {
      const dialog = page.locator('.monaco-dialog-box', { hasText: /trust the authors/i });
      await dialog.waitFor({ timeout: 30000 });
      await dialog.getByRole('button', { name: /^No, I don't trust the authors/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    });

    await step('topics open in Restricted Mode', async () => {
      await page.locator('.part.activitybar .action-item [aria-label^="Django Interview Prep"]').first().click();
      await page.getByRole('treeitem', { name: /^Topic Decorators/ }).click();
      await waitForTitle(page, 'Decorators');
      const frame = await webviewFrame(page);
      assert.match(await frame.locator('#content').innerText(), /wraps/);
    });

    await step('a quiz runs in Restricted Mode', async () => {
      await startTopicQuiz(page, 'Decorators');
      // Whatever kind of question was drawn, answered the way that kind is answered: a choice
      // gives its verdict; a recall card asks how well it went.
      const after = await answerQuestion(page, 1, 5);
      assert.match(after, new RegExp(`${VERDICT.source}|${RATE.source}`));
      await page.keyboard.press('Escape');
      await waitForBox(page, /^Quiz finished/);
      await page.keyboard.press('Escape');
      await waitForNoBox(page);
      await palette(page, 'View: Close All Editors');
    });

    const inside = path.join(workspace, 'interview-practice', 'signals_on_commit.py');
    await step('New Practice File offers only bundled exercises and writes inside the folder', async () => {
      await palette(page, 'Django Prep: New Practice File...');
      const input = page.locator('.quick-input-widget input.input');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await input.fill('signals_on_commit');
      const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'signals_on_commit.py' });
      await row.waitFor();
      assert.doesNotMatch(await row.innerText(), /Hostile drill|yours/, 'the workspace\'s templates are not offered');
      await page.keyboard.press('Enter');
      await page.locator('.tab', { hasText: 'signals_on_commit.py' }).waitFor();
      assert.ok(fs.existsSync(inside), `written to ${inside}`);
      const text = fs.readFileSync(inside, 'utf8');
      assert.match(text, /^# Django Interview Prep: .*\n# Exercise id: signals-on-commit\n/);
      assert.ok(!text.includes(HOSTILE), 'the bundled starter, not the workspace\'s template');
      nothingOutside();
    });

    await step('Check Practice File says the workspace must be trusted, and runs nothing', async () => {
      await page.locator('.codelens-decoration a', { hasText: 'Check' }).click();
      await toast(/Restricted Mode/).waitFor();
      assert.match(await toast(/Restricted Mode/).innerText(), /Trust this workspace/);
      await painted(page);
      await page.screenshot({ path: path.join(SHOTS, 'restricted-mode.png') });
      nothingOutside();
    });

    await step('the Testing view lists the practice file and says why nothing runs in Restricted Mode', async () => {
      await palette(page, 'Testing: Focus on Test Explorer View');
      const view = page.locator('.test-explorer');
      const item = view.locator('.monaco-list-row', { hasText: 'Signals and transaction.on_commit' });
      await item.waitFor({ timeout: 30000 });
      await item.click();
      await page.keyboard.press('ArrowRight');
      await view.locator('.monaco-list-row', { hasText: /Restricted Mode/ }).first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'restricted-testing-view.png') });
      // VS Code itself asks before running tests in Restricted Mode; declining runs nothing.
      await palette(page, 'Test: Run All Tests');
      const dialog = page.locator('.monaco-dialog-box', { hasText: /trust/i });
      await dialog.waitFor();
      await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      // Nothing may start: watched for a second (an assertion over time, not a wait for a state).
      await observe(page, 1000);
      assert.ok(!fs.existsSync(marker), 'running from the Testing view ran nothing');
      await palette(page, 'View: Show Explorer');
      await page.locator('.tab', { hasText: 'signals_on_commit.py' }).click();
    });

    await step('trusted from Manage Workspace Trust, the folder\'s own Python runs the check', async () => {
      await palette(page, 'Workspaces: Manage Workspace Trust');
      const trust = page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^Trust/ }).first();
      await trust.waitFor();
      await trust.click();
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'hidden' });
      await painted(page);
      await page.screenshot({ path: path.join(SHOTS, 'trusted.png') });
      // The trust editor opens as a modal editor over the practice file: close it.
      await page.locator('.modal-editor-part .modal-editor-action-container .codicon-close').last().click();
      await page.locator('.modal-editor-part').waitFor({ state: 'hidden' });
      await page.locator('.codelens-decoration a', { hasText: 'Check' }).click();
      await toast(/\d+ of 5 tasks pass in signals_on_commit\.py/).waitFor({ timeout: 90000 });
      assert.ok(fs.existsSync(marker), 'once trusted, the workspace\'s pythonPath is the one that ran');
      assert.ok(!fs.existsSync(practice), 'nothing was written outside the folder');
      await page.screenshot({ path: path.join(SHOTS, 'trusted-check.png') });
    });
  } catch (e) {
    log('trust UI test stopped:', e instanceof Error ? e.message.split('\n')[0] : e);
    // A failure outside a step explains itself too (a step's own failure already did).
    if (counts.failed === 0) { counts.failed++; console.log(await explainFailure(diagnostics, 'outside a step')); }
  } finally {
    await browser.close();
    await cs.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
  log(`screenshots in ${SHOTS}`);
  console.log(`trust: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

require('./steps').main(main);
