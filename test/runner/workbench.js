// @ts-check
// Driving the workbench in Chromium: the command palette, the webview's frame, named steps.
// Shared by the UI tests (ui.js, trust.js).
'use strict';
const path = require('path');

/** @typedef {import('playwright-core').Page} Page */

/** Runs a command through the real command palette. Focus in a webview may swallow F1, so click the status bar first. */
async function palette(/** @type {Page} */ page, /** @type {string} */ label) {
  const input = page.locator('.quick-input-widget input.input');
  for (let attempt = 1; ; attempt++) {
    await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('F1');
    try { await input.waitFor({ timeout: 3000 }); break; } catch (e) { if (attempt >= 3) { throw e; } }
  }
  await input.fill('>' + label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  // Enter when the match is the focused row: a click can land while the list still animates.
  if (/\bfocused\b/.test(await row.getAttribute('class') ?? '')) { await page.keyboard.press('Enter'); } else { await row.click(); }
  await page.locator('.quick-input-widget', { hasText: label }).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** The inner frame of the (only) webview, where our page runs. */
async function webviewFrame(/** @type {Page} */ page) {
  const handle = await page.frameLocator('iframe.webview.ready').locator('#active-frame').elementHandle({ timeout: 20000 });
  const frame = await handle?.contentFrame();
  if (!frame) { throw new Error('no webview frame'); }
  return frame;
}

async function webviewTitle(/** @type {Page} */ page) {
  return (await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#title').textContent())?.trim();
}

async function waitForTitle(/** @type {Page} */ page, /** @type {string} */ expected, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let seen;
  while (Date.now() < deadline) {
    try { seen = await webviewTitle(page); } catch { /* frame not there yet */ }
    if (seen === expected) { return; }
    await page.waitForTimeout(150);
  }
  throw new Error(`webview title is "${seen}", expected "${expected}"`);
}

/** Named steps that print ✔/✘ and count; a failing step throws on. */
function steps() {
  const counts = { passed: 0, failed: 0 };
  async function step(/** @type {string} */ name, /** @type {() => Promise<void>} */ fn) {
    try {
      await fn();
      counts.passed++;
      console.log(`  ✔ ${name}`);
    } catch (e) {
      counts.failed++;
      console.log(`  ✘ ${name}\n    ${String(e instanceof Error ? e.stack : e).split('\n').slice(0, 6).join('\n    ')}`);
      throw e;
    }
  }
  return { step, counts };
}

/** Starts a 5-question quiz on `topic` from the palette, by keyboard; returns the box's title and input. */
async function startTopicQuiz(/** @type {Page} */ page, /** @type {string} */ topic) {
  await palette(page, 'Django Prep: Start Quiz...');
  const title = page.locator('.quick-input-widget .quick-input-title');
  const input = page.locator('.quick-input-widget input.input');
  await title.filter({ hasText: 'Django Prep: Start Quiz' }).waitFor();
  await input.fill('A topic');
  await page.keyboard.press('Enter');
  await title.filter({ hasText: 'Quiz a topic' }).waitFor();
  await input.fill(topic);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: topic }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '5 questions' }).waitFor();
  await input.fill('5 questions');
  await page.keyboard.press('Enter');
  return { title, input };
}

/** The newest live frame holding `selector` (several webviews may be open; a closed one can linger). */
async function frameWith(/** @type {Page} */ page, /** @type {string} */ selector, what = selector) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    for (const f of [...page.frames()].reverse()) {
      try { if (!f.isDetached() && await f.locator(selector).count()) { return f; } } catch { /* frame gone */ }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no ${what} frame`);
}

/** The progress dashboard's frame. */
const dashboardFrame = (/** @type {Page} */ page) => frameWith(page, 'section.totals', 'dashboard');
/** The quiz card's frame. */
const cardFrame = (/** @type {Page} */ page) => frameWith(page, 'main#card', 'quiz card');

/** Switches the colour theme from the palette and waits until the workbench (and its webviews) have it. */
async function setTheme(/** @type {Page} */ page, /** @type {string} */ theme, /** @type {string} */ bodyClass) {
  await palette(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input.input').fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${bodyClass}`).waitFor();
  await page.waitForTimeout(400);
}

/** Picks a file in the workbench's own file dialog (a quick input in the browser) by typing its path. */
async function openStudyDocument(/** @type {Page} */ page, /** @type {string} */ file) {
  await palette(page, 'Django Prep: Open Study Document...');
  const input = page.locator('.quick-input-widget input.input');
  // The dialog fills in its start folder asynchronously: wait for its listing before typing.
  // It starts in the last folder used: go to the file's folder and wait for its listing first.
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await input.fill(path.dirname(file) + '/');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first().waitFor();
  await input.fill(file);
  await page.waitForFunction(f => /** @type {HTMLInputElement | null} */ (document.querySelector('.quick-input-widget input.input'))?.value === f, file);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Picks `label` in the quick pick whose placeholder starts with `placeholder`, once that pick is
 * up: not the box before it still closing (typing there is lost), and the row focused before Enter.
 */
async function pick(/** @type {Page} */ page, /** @type {string} */ placeholder, /** @type {string} */ label) {
  const box = page.locator('.quick-input-widget:not(.quick-input-widget-closing)');
  const input = box.locator(`input.input[placeholder^="${placeholder.replace(/"/g, '\\"')}"]`);
  await input.waitFor();
  await input.fill(label);
  await box.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

module.exports = { pick, openStudyDocument, palette, startTopicQuiz, webviewFrame, webviewTitle, waitForTitle, steps, frameWith, dashboardFrame, cardFrame, setTheme };
