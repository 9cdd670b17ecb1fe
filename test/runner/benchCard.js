// @ts-check
// The bench's window driven as a reader drives it: Chromium presses the keys on the quiz card
// (Space shows the answer, 3 rates it Good) and the card page's own clock times each rating's
// key until the next question is drawn. One clock, the page's, and no measuring message on the
// way: what a reader waits for between cards, with whatever user data `dataDir` holds.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { CACHE, log, startCodeServer, launchChromium } = require('./lib');
const { waitForBox, startOpenQuestions } = require('./workbench');

/** Questions a quiz: offered with a year of due cards and with none (new cards unlimited, below). */
const LENGTH = 10;

/** Installed in the card page: the rating key's time, and the time the next question is drawn. */
function listenInPage() {
  const w = /** @type {any} */ (window);
  if (w.__benchRates) { return; }
  w.__benchRates = [];
  let pressed = 0;
  document.addEventListener('keydown', e => { if (e.key === '3') { pressed = performance.now(); } }, true);
  const card = /** @type {HTMLElement} */ (document.getElementById('card'));
  // Called once draw() has set the new card's state: after it has laid the card out.
  new MutationObserver(() => {
    if (pressed && card.dataset.state === 'drawn' && card.dataset.phase === 'question') { w.__benchRates.push(performance.now() - pressed); pressed = 0; }
  }).observe(card, { attributes: true, attributeFilter: ['data-rev', 'data-state', 'data-phase'] });
}

/**
 * Quizzes of open questions answered on the card, `total` ratings in all; the page-clock times
 * from each rating key to the next question drawn, in order.
 * @param {{ env: any, dataDir: string, profile: string, port: number, vsix: string, total?: number }} o
 */
async function keyToNextCard({ env, dataDir, profile, port, vsix, total = 45 }) {
  // Enough new cards for 45 questions in a day, where there is no history (a kept user data dir keeps its settings).
  const settings = { 'djangoPrep.newCardsPerDay': 0 };
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bench-card-'));
  const cs = await startCodeServer({ ...env, workspace, dataDir, installVsix: vsix, devMode: false, port, settings, logFile: path.join(CACHE, 'code-server-bench-card.log') });
  const browser = await launchChromium(profile);
  /** @type {number[]} */
  const times = [];
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30000);
    await page.goto(`${cs.url}?folder=${encodeURIComponent(workspace)}`);
    // The guide in the Topics view: the extension is there and has read the document.
    await page.locator('.monaco-workbench .part.activitybar').waitFor();
    await page.locator('.part.activitybar .action-item [aria-label^="Django Interview Prep"]').first().click();
    await page.getByRole('treeitem', { name: /^Section Python,/ }).waitFor();
    while (times.length < total) {
      const frame = await startOpenQuestions(page, LENGTH);
      await frame.evaluate(listenInPage);
      for (let n = 1; n <= LENGTH; n++) {
        const heading = frame.locator('#heading', { hasText: new RegExp(`^Question ${n} of ${LENGTH}$`) });
        await frame.locator('main#card[data-state="drawn"][data-phase="question"]', { has: heading }).waitFor();
        // The box opens just after the card is drawn and takes the focus; the card gets it back.
        await waitForBox(page, new RegExp(`^Question ${n} of ${LENGTH} · `));
        await frame.locator('#card').focus();
        await page.keyboard.press('Space');
        await frame.locator('#ratings').waitFor();
        await waitForBox(page, /how well did you answer\?$/);
        await frame.locator('#card').focus();
        await page.keyboard.press('3');
        if (n === LENGTH) { break; }
        await frame.locator('main#card[data-state="drawn"][data-phase="question"]', { has: frame.locator('#heading', { hasText: new RegExp(`^Question ${n + 1} of ${LENGTH}$`) }) }).waitFor();
      }
      times.push(...await frame.evaluate(() => /** @type {number[]} */ (/** @type {any} */ (window).__benchRates)));
      await waitForBox(page, /^Quiz finished/);
      await page.keyboard.press('Escape');
      log(`bench card: ${times.length} ratings timed in the page`);
    }
  } finally {
    await browser.close();
    await cs.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  return times.slice(0, total);
}

module.exports = { keyToNextCard };
