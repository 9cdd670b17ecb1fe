// @ts-check
// UI steps for the mock interview (called from ui.js): the card with its ticking clock, pause,
// Done and ratings from the keyboard, Stop, then the report, in light and dark themes.
'use strict';
const assert = require('assert');
const path = require('path');
const { palette, frameWith, setTheme, painted, observe, waitForBox } = require('./workbench');

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Frame} Frame */

/**
 * @param {{ page: Page, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string, log: (...a: unknown[]) => void }} o
 */
async function mockInterviewSteps({ page, step, shots, log }) {
  const input = page.locator('.quick-input-widget input.input');
  /** @type {Frame} */
  let card;

  await step('a mock interview from the palette: the card with its ticking clock, pause, Done and a rating', async () => {
    await palette(page, 'Django Prep: Start Mock Interview...');
    await waitForBox(page, /^Django Prep: Start Mock Interview$/);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '15 minutes' }).waitFor();
    await input.fill('15 minutes');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '15 minutes' }).waitFor();
    await page.keyboard.press('Enter');
    // The next box has the same title: it is told apart by its rows.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Whole guide' }).waitFor();
    await input.fill('Whole guide');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Whole guide' }).waitFor();
    await page.keyboard.press('Enter');
    card = await frameWith(page, '#interview:not([hidden])');
    await card.locator('#heading', { hasText: 'Mock interview · Question 1' }).waitFor();
    const clock = card.locator('#session-clock');
    assert.match(await clock.innerText(), /^0:0\d \/ 15:00$/);
    assert.match(await card.locator('#question-clock').innerText(), /^[23]:\d\d left$/);
    assert.strictEqual((await card.locator('#reveal').innerText()).replace(/\s+/g, ' ').trim(), 'Done: show the model answer Space');
    // The page keeps time by itself: the clock moves on with no new card.
    const first = await clock.innerText();
    await card.waitForFunction(f => document.getElementById('session-clock')?.textContent !== f, first, { timeout: 5000 });
    await page.screenshot({ path: path.join(shots, 'mock-interview-light.png') });
    // Pause stops it, P again resumes.
    await card.locator('#card').focus();
    await page.keyboard.press('p');
    await card.locator('#session-clock', { hasText: 'paused' }).waitFor();
    const paused = await clock.innerText();
    // Watched over more than one of the page's one-second ticks: an assertion over time.
    await observe(page, 1500);
    assert.strictEqual(await clock.innerText(), paused, 'a paused clock stands still');
    assert.strictEqual(await card.locator('#pause').getAttribute('aria-pressed'), 'true');
    await card.locator('#card').focus();
    await page.keyboard.press('p');
    await card.locator('#session-clock:not(:has-text("paused"))').waitFor();
    // Done from the keyboard, then a rating: the next question comes.
    await card.locator('#notes').fill('Middleware wraps the view: request in, response out');
    await card.locator('#card').focus();
    await page.keyboard.press('Space');
    await card.locator('#answer').waitFor();
    await card.locator('#ratings').waitFor();
    assert.match(await card.locator('#question-clock').innerText(), /^answered in 0:\d\d$/);
    await card.locator('#card').focus();
    await page.keyboard.press('2');
    await card.locator('#heading', { hasText: 'Mock interview · Question 2' }).waitFor();
  });

  await step('the mock interview card in the dark theme, then Stop opens the report', async () => {
    await setTheme(page, 'Dark Modern', 'vs-dark');
    card = await frameWith(page, '#interview:not([hidden])');
    await card.locator('#card').focus();
    await page.keyboard.press('Space');
    await card.locator('#answer').waitFor();
    await painted(card);
    await page.screenshot({ path: path.join(shots, 'mock-interview-dark.png') });
    await card.locator('#card').focus();
    await page.keyboard.press('3');
    await card.locator('#heading', { hasText: 'Mock interview · Question 3' }).waitFor();
    await card.locator('#stop').click();
    const report = await frameWith(page, 'main#report');
    await report.locator('#headline').waitFor();
    // The notes typed on question 1 are an answer: it is graded, so the key points show too.
    assert.match(await report.locator('#headline').innerText(), /^2 questions: 2 answered, 0 skipped · average 2\.5 of 4 · 50% Good or Easy · \d+% of key points covered$/);
    assert.strictEqual(await report.locator('table.questions td.points').count(), 2, 'a key points column');
    assert.strictEqual(await report.locator('table.questions tbody tr').count(), 2);
    assert.ok(await report.locator('table.sections tbody tr').count() >= 1);
    assert.ok(await report.locator('.revisit a.chip').count() >= 1, 'the Hard answer\'s topic, and the typed answer\'s if it missed points');
    await painted(report);
    await page.screenshot({ path: path.join(shots, 'mock-report-dark.png') });
    const dark = await report.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await setTheme(page, 'Light Modern', 'vs');
    const light = await report.evaluate(() => getComputedStyle(document.body).backgroundColor);
    log('report background (dark, light):', dark, light);
    assert.notStrictEqual(dark, light, 'the report follows the theme');
    await page.screenshot({ path: path.join(shots, 'mock-report-light.png') });
  });

  await step('the report copies itself as Markdown and opens a topic to revisit', async () => {
    const report = await frameWith(page, 'main#report');
    await report.locator('#copy').click();
    await page.locator('.notifications-toasts', { hasText: 'on the clipboard' }).waitFor();
    const chip = report.locator('.revisit a.chip').first();
    const topic = (await chip.innerText()).trim();
    await chip.click();
    await page.locator('.tab', { hasText: topic }).first().waitFor();
    // The topic stays open (the next steps expect an editor); the report goes.
    await page.locator('.tab', { hasText: 'Mock Interview Report' }).click();
    await palette(page, 'View: Close Editor');
    await page.locator('.tab', { hasText: 'Mock Interview Report' }).waitFor({ state: 'detached' });
  });
}

module.exports = { mockInterviewSteps };
