// @ts-check
// UI step for the AI interviewer (called from ui.js): the reader picks a model with "Choose
// Interviewer Model..." (the test's fake language model, test/fixtures/fake-language-model),
// and a typed answer's card is graded by it, names it, and shows its feedback and follow-up.
// Then back to the offline grader, which the card says again.
'use strict';
const assert = require('assert');
const path = require('path');
const { palette, pick, painted } = require('./workbench');
const { startOpenQuestions, stopQuizFromCard } = require('./uiRecall');

/** @typedef {import('playwright-core').Page} Page */

/**
 * @param {{ page: Page, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string }} o
 */
async function interviewerSteps({ page, step, shots }) {
  await step('the AI interviewer: chosen from the palette, it grades the card, which names it, with feedback and a follow-up', async () => {
    await palette(page, 'Django Prep: Choose Interviewer Model...');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Fake Interviewer' });
    await row.waitFor();
    assert.ok(await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Offline grader only' }).isVisible(), 'the offline grader is offered');
    // The box fades in: the picture waits for it to be opaque.
    await page.waitForFunction(() => {
      const w = document.querySelector('.quick-input-widget');
      return !!w && getComputedStyle(w).opacity === '1' && !w.getAnimations({ subtree: true }).some(a => a.playState === 'running');
    });
    await painted(page);
    await page.screenshot({ path: path.join(shots, 'interviewer-choose.png') });
    await pick(page, 'Which model grades typed answers', 'Fake Interviewer');

    /** A quiz of open questions with `answer` typed on its first card, revealed. */
    const answered = async (/** @type {string} */ answer) => {
      const card = await startOpenQuestions(page);
      await card.locator('#notes').focus();
      await page.keyboard.type(answer);
      await card.locator('#card').focus();
      await page.keyboard.press('Space');
      return card;
    };

    const frame = await answered('It is compiled to bytecode, then a virtual machine runs it.');
    await frame.locator('#coverage-by', { hasText: 'Graded by Fake Interviewer' }).waitFor();
    assert.match(await frame.locator('#coverage-label').innerText(), /^1 of \d+ key points$/, 'the model\'s points (it covers point 1)');
    assert.match(await frame.locator('#coverage-feedback').innerText(), /^You named the main idea/);
    assert.match(await frame.locator('#coverage-followup').innerText(), /^Follow-up: When would this be the wrong choice/);
    assert.ok(await frame.locator('#ratings button.suggested').isVisible(), 'a rating is pre-selected');
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'recall-interviewer.png') });
    await stopQuizFromCard(page, frame);

    await palette(page, 'Django Prep: Choose Interviewer Model...');
    await pick(page, 'Which model grades typed answers', 'Offline grader only');
    const offline = await answered('It is compiled to bytecode.');
    await offline.locator('#coverage-by', { hasText: 'Offline grader' }).waitFor();
    await stopQuizFromCard(page, offline);
  });
}

module.exports = { interviewerSteps };
