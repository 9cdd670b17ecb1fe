// @ts-check
// UI step for recall cards (called from ui.js): an open-questions quiz reviewed on the rendered
// card from the keyboard, notes included, in light, dark and high contrast.
'use strict';
const assert = require('assert');
const path = require('path');
const { setTheme, painted, poll, waitForBox, waitForNoBox, startOpenQuestions } = require('./workbench');

/** @typedef {import('playwright-core').Page} Page */

/** Escape on the card stops the quiz; Escape again closes its summary. */
async function stopQuizFromCard(/** @type {Page} */ page, /** @type {import('playwright-core').Frame} */ frame) {
  await frame.locator('#card').focus();
  await page.keyboard.press('Escape');
  await waitForBox(page, /^Quiz finished/);
  await page.keyboard.press('Escape');
  await waitForNoBox(page);
}

/**
 * @param {{ page: Page, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string, log: (...a: unknown[]) => void }} o
 */
async function recallCardSteps({ page, step, shots, log }) {
  await step('recall cards on the rendered card, reviewed from the keyboard, in light, dark and high contrast', async () => {
    const title = page.locator('.quick-input-widget .quick-input-title');
    const startOpenQuiz = () => startOpenQuestions(page);
    const stopFromCard = (/** @type {import('playwright-core').Frame} */ frame) => stopQuizFromCard(page, frame);
    const colours = (/** @type {import('playwright-core').Frame} */ frame) => frame.evaluate(() => {
      const style = (/** @type {string} */ sel) => getComputedStyle(/** @type {Element} */ (document.querySelector(sel)));
      return `${style('body').color} on ${style('body').backgroundColor}, answer border ${style('#answer').borderLeftColor}`;
    });

    // Light: the whole review from the keyboard, on the card.
    let frame = await startOpenQuiz();
    assert.ok((await frame.locator('#prompt').innerText()).trim().length > 5, 'the question is drawn');
    assert.ok(await frame.locator('#reveal').isVisible(), 'a reveal button');
    assert.ok(await frame.locator('#answer').isHidden(), 'the answer starts hidden');
    assert.ok(await frame.locator('#ratings').isHidden(), 'no ratings before the reveal');
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'recall-question-light.png') });
    await frame.locator('#card').focus();
    await page.keyboard.press('Space');
    await frame.locator('#answer').waitFor();
    await frame.locator('#ratings').waitFor();
    assert.ok(await frame.locator('#reveal').isHidden(), 'the reveal button goes once used');
    await waitForBox(page, /how well did you answer\?$/);
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'recall-answer-light.png') });
    const seen = [await colours(frame)];
    await frame.locator('#card').focus();
    await page.keyboard.press('3');
    await frame.locator('#heading', { hasText: 'Question 2 of 5' }).waitFor();
    // The quiz box opens just after the card is drawn and takes the focus: typing before it
    // shows would go into the box.
    await title.filter({ hasText: 'Question 2 of 5' }).waitFor();
    // Notes typed on the card: Space there is a space, not a reveal.
    await frame.locator('#notes').focus();
    await page.keyboard.type('Sync: one request per worker');
    assert.ok(await frame.locator('#answer').isHidden(), 'typing notes reveals nothing');
    await frame.locator('#card').focus();
    await page.keyboard.press('Space');
    await frame.locator('#answer').waitFor();
    assert.strictEqual(await frame.locator('#notes').inputValue(), 'Sync: one request per worker', 'the notes stay beside the answer');
    // Typed notes are an answer: the card grades them and pre-selects a rating, with no box over it.
    await frame.locator('#coverage').waitFor();
    assert.match(await frame.locator('#coverage-label').innerText(), /^\d+ of \d+ key points$/);
    assert.ok(await frame.locator('#ratings button.suggested').isVisible(), 'a rating is pre-selected');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(shots, 'recall-coverage-light.png') });
    await stopFromCard(frame);
    const finished = (await title.innerText().catch(() => '')).trim();
    assert.ok(!finished || !/Question/.test(finished));

    for (const [theme, bodyClass, shot] of [['Dark Modern', 'vs-dark', 'recall-answer-dark.png'], ['Dark High Contrast', 'hc-black', 'recall-answer-high-contrast.png']]) {
      await setTheme(page, theme, bodyClass);
      frame = await startOpenQuiz();
      await frame.locator('#card').focus();
      await page.keyboard.press('Space');
      await frame.locator('#answer').waitFor();
      await painted(frame);
      seen.push(await colours(frame));
      await page.screenshot({ path: path.join(shots, shot) });
      await stopFromCard(frame);
      // The same card kind with a typed answer: coverage, marked words, the suggested rating.
      frame = await startOpenQuiz();
      await frame.locator('#notes').focus();
      await page.keyboard.type('It is compiled to bytecode and a virtual machine interprets it; the GIL lets one thread run at a time.');
      await frame.locator('#card').focus();
      await page.keyboard.press('Space');
      await frame.locator('#coverage').waitFor();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await page.screenshot({ path: path.join(shots, shot.replace('recall-answer', 'recall-coverage')) });
      await stopFromCard(frame);
    }
    await setTheme(page, 'Light Modern', 'vs');
    log('card colours (light, dark, high contrast):', seen.join(' | '));
    assert.strictEqual(new Set(seen).size, 3, 'each theme gives the card its own colours');
    // The card closes with the quiz (its page goes) and leaves no empty editor group.
    const last = frame;
    await poll(async () => last.isDetached(), 'the quiz card to close');
    // The card's group is closed after the card (when nothing else is in it): give that its time.
    await page.locator('.editor-group-container.empty').first().waitFor({ state: 'detached' }).catch(() => undefined);
    assert.strictEqual(await page.locator('.editor-group-container.empty').count(), 0, 'no empty editor group is left behind');
  });
}

module.exports = { recallCardSteps, startOpenQuestions, stopQuizFromCard };
