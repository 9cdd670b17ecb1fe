// @ts-check
// UI steps on the dashboard (called from ui.js): the interview date with readiness on the day,
// and a review history shown as a heatmap and streaks, in light, dark and high contrast.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { palette, dashboardFrame, setTheme, painted, waitForBox, waitForNoBox, pick, pickFile } = require('./workbench');

/** @typedef {import('playwright-core').Page} Page */

/**
 * A progress file holding only a review log: reviews on the 13 days up to today, a 40-day run
 * from 100 to 61 days ago, and scattered days before, over the past year.
 * @param {Date} now
 */
function progressWithHistory(now) {
  const ids = ['concept:python/a:term', 'concept:python/b:term', 'recall:django/c/d', 'q:orm-1'];
  /** @type {number[][]} */
  const reviews = [];
  const day = (/** @type {number} */ back) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 9, 0, 0).getTime() / 1000;
  const add = (/** @type {number} */ back, /** @type {number} */ n) => {
    for (let i = 0; i < n; i++) { reviews.push([i % ids.length, day(back) + i * 60, i % 6 === 0 ? 1 : 3, 86400 * 3, 6, i % 5 === 0 ? 0 : 2, 4.2, 5.1, 2, 9.6, 5.05]); }
  };
  for (let back = 0; back < 13; back++) { add(back, 4 + ((back * 7) % 23)); }
  for (let back = 61; back <= 100; back++) { add(back, 2 + ((back * 5) % 17)); }
  for (let back = 110; back < 360; back += 3 + (back % 4)) { add(back, 1 + (back % 9)); }
  reviews.sort((a, b) => a[1] - b[1]);
  return { version: 1, documents: {}, reviewLog: { version: 1, documents: { guide: { ids, reviews } } } };
}

/**
 * @param {{ page: Page, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string, log: (...a: unknown[]) => void, workspace: string }} o
 */
async function dashboardSteps({ page, step, shots, log, workspace }) {
  await step('an interview date: a bad date refused in the box, the plan in the status bar, readiness on the dashboard in light and dark', async () => {
    const input = page.locator('.quick-input-widget input.input');
    const message = page.locator('.quick-input-widget .quick-input-message');
    const day = new Date();
    day.setDate(day.getDate() + 12);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    await palette(page, 'Django Prep: Set Interview Date...');
    await waitForBox(page, /^Django Prep: Set Interview Date$/);
    await input.fill('2027-02-30');
    await message.filter({ hasText: 'not a real calendar date' }).waitFor();
    await page.keyboard.press('Enter'); // refused: the box stays open
    await input.fill('2020-01-01');
    await message.filter({ hasText: 'has passed' }).waitFor();
    await input.fill(iso);
    await message.filter({ hasText: 'in 12 days' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: /\d+ today · 12 days/ }).waitFor();
    await palette(page, 'Django Prep: Show Progress');
    const frame = await dashboardFrame(page);
    // The page drawn for this date (the section names the date it was drawn for).
    await frame.locator(`section.readiness[data-date="${iso}"]`).waitFor();
    assert.ok(await frame.locator('svg .bar-ready').count() >= 5, 'a bar per section');
    assert.strictEqual(await frame.locator('svg .bar-new').count(), 12, 'the plan has a column per day left');
    await frame.locator('section.readiness').evaluate(e => e.scrollIntoView());
    const colours = () => frame.evaluate(() => `${getComputedStyle(document.body).color} ${getComputedStyle(/** @type {Element} */ (document.querySelector('.bar-ready'))).fill}`);
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'readiness-light.png') });
    const light = await colours();
    await setTheme(page, 'Dark Modern', 'vs-dark');
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'readiness-dark.png') });
    assert.notStrictEqual(await colours(), light, 'the readiness section follows the theme');
    await setTheme(page, 'Light Modern', 'vs');
    await palette(page, 'View: Close Editor');
    // Cleared again: the later steps count due cards.
    await palette(page, 'Django Prep: Set Interview Date...');
    await waitForBox(page, /^Django Prep: Set Interview Date$/);
    await input.fill('');
    await message.filter({ hasText: 'removes the interview date' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: /\d+ due/ }).waitFor();
  });

  await step('a review history imported with progress shows as a heatmap and a streak, in light, dark and high contrast', async () => {
    const file = path.join(workspace, 'progress-with-history.json');
    fs.writeFileSync(file, JSON.stringify(progressWithHistory(new Date())));
    await palette(page, 'Django Prep: Import Progress...');
    // The workbench's file dialog (a quick input titled as the command).
    await waitForBox(page, /^Import Django Prep Progress/);
    await pickFile(page, file);
    // Then the extension's own question, told apart by its placeholder (the dialog has the same title).
    // Merge keeps the quiz answers made above; the imported file holds only a log.
    await pick(page, 'Merge with your current progress', 'Merge');
    await waitForNoBox(page);
    await palette(page, 'Django Prep: Show Progress');
    const frame = await dashboardFrame(page);
    const streak = frame.locator('.streaks .tile', { hasText: 'current streak' }).locator('.big');
    await streak.waitFor();
    assert.strictEqual(await streak.innerText(), '13 days');
    assert.strictEqual(await frame.locator('.streaks .tile', { hasText: 'longest streak' }).locator('.big').innerText(), '40 days');
    const today = frame.locator('rect.hm.today');
    assert.match(await today.getAttribute('aria-label') ?? '', /^\d+ reviews? on /);
    assert.ok(await frame.locator('rect.hm').count() >= 52 * 7, 'a year of days');
    const heading = frame.locator('#history-title');
    const shoot = async (/** @type {string} */ shot) => {
      await heading.evaluate(h => h.scrollIntoView({ block: 'start' }));
      await painted(frame);
      await page.screenshot({ path: path.join(shots, shot) });
    };
    await shoot('dashboard-history-light.png');
    const fill = async () => today.evaluate(e => getComputedStyle(e).fill);
    const seen = [await fill()];
    for (const [theme, bodyClass, shot] of [['Dark Modern', 'vs-dark', 'dashboard-history-dark.png'], ['Dark High Contrast', 'hc-black', 'dashboard-history-high-contrast.png']]) {
      await setTheme(page, theme, bodyClass);
      seen.push(await fill());
      await shoot(shot);
    }
    await setTheme(page, 'Light Modern', 'vs');
    log('heatmap colours (light, dark, high contrast):', seen.join(' | '));
    assert.ok(new Set(seen).size >= 2, 'the heatmap follows the theme');
    await palette(page, 'View: Close Editor');
  });
}

module.exports = { dashboardSteps };
