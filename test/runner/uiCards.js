// @ts-check
// UI step for Show Cards in This Document (called from ui.js): a notes file's cards and the
// lines that gave none, from the Topics view's menu, in the light and dark themes; a line number
// opens the file at that line.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { palette, frameWith, cardFrame, setTheme, painted, openStudyDocument, waitForBox, waitForNoBox, webviewFrame, waitForTitle } = require('./workbench');

/** @typedef {import('playwright-core').Page} Page */

const NOTES = `# Backend notes

## Django

### ORM

- Manager: the interface through which queries reach the database
- QuerySet: a lazy, chainable query

Q: What does select_related do?
A: It follows foreign keys with a SQL JOIN, so related rows arrive in the same query.

**Why is the N+1 problem slow?**

One query for the list, then one per row when the loop touches a relation.

### Signals quiz

Which call registers a receiver?

- [ ] Signal.send
- [x] **Signal.connect** ✅
- [ ] Signal.disconnect

### Open ends

1. Explain how the GIL affects Gunicorn workers

Something to look up later: does the GIL matter for async views?
`;

/**
 * @param {{ page: Page, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string, workspace: string }} o
 */
async function cardsViewSteps({ page, step, shots, workspace }) {
  await step('Show Cards in This Document lists the cards and the lines that gave none, in light and dark; a line opens the file', async () => {
    const file = path.join(workspace, 'backend-notes.md');
    fs.writeFileSync(file, NOTES);
    await openStudyDocument(page, file);
    await page.getByRole('treeitem', { name: /^Topic ORM/ }).waitFor();

    // A choice card from a quiz that marks its right option in bold and with ✅: before it is
    // answered, every option reads the same, in the box and on the card; light, then dark.
    await page.getByRole('treeitem', { name: /^Topic Signals quiz/ }).click();
    await waitForTitle(page, 'Signals quiz');
    for (const [theme, bodyClass, shot] of [['Light Modern', 'vs', 'choice-card-light.png'], ['Dark Modern', 'vs-dark', 'choice-card-dark.png']]) {
      await setTheme(page, theme, bodyClass);
      await (await webviewFrame(page)).locator('#quiz').click();
      await page.locator('.quick-input-widget input.input[placeholder="How many questions?"]').waitFor();
      await page.locator('.quick-input-list .monaco-list-row.focused').first().waitFor();
      await page.keyboard.press('Enter');
      await waitForBox(page, /^Question 1 of 1 · /);
      // This question's rows (the workbench keeps the rows of boxes shown before, hidden).
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Signal.send' }).first().waitFor();
      const labels = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name')
        .evaluateAll(els => els.filter(el => /** @type {HTMLElement} */ (el).offsetParent !== null).map(el => el.textContent ?? ''));
      // The options (the box adds "Skip this question" and "Stop the quiz" below them).
      const options = labels.map(l => l.trim()).filter(l => l.includes('Signal'));
      assert.deepStrictEqual(options.sort(), ['Signal.connect', 'Signal.disconnect', 'Signal.send'], 'plain option text in the box, no flag on the right one');
      const card = await cardFrame(page);
      await card.locator('main#card[data-state="drawn"][data-phase="question"]').waitFor();
      const markup = await card.locator('#options > *').evaluateAll(els => els.map(el => el.innerHTML.replace(/Signal\.(send|connect|disconnect)/, 'X')));
      // The card shows the question (its options are in the box until answered); any option it draws is drawn alike.
      assert.ok(new Set(markup).size <= 1, `the options differ only in their words on the card: ${markup.join(' | ')}`);
      assert.ok(!/✅|\*\*|<strong>/.test(await card.locator('main#card').innerHTML()), 'no flag of the right option on the card');
      await painted(card);
      await page.screenshot({ path: path.join(shots, shot) });
      // Escape stops the quiz; its summary, when it shows one, closes with Escape too.
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => {
        const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
        return !w || getComputedStyle(w).display === 'none' || /^Quiz finished/.test(w.querySelector('.quick-input-title')?.textContent?.trim() ?? '');
      });
      if (await page.locator('.quick-input-widget .quick-input-title', { hasText: /^Quiz finished/ }).isVisible()) { await page.keyboard.press('Escape'); }
      await waitForNoBox(page);
    }
    await setTheme(page, 'Light Modern', 'vs');

    await palette(page, 'Django Prep: Show Cards in This Document');
    const frame = await frameWith(page, 'main#cards', 'cards page');
    const summary = (await frame.locator('#summary').innerText()).trim();
    assert.match(summary, /^\d+ cards: .*open question.*choice.*\. 1 line that asks something gave no card\.$/);
    assert.ok(await frame.locator('table.cards tbody tr').count() >= 3, 'the cards are listed');
    assert.match(await frame.locator('table.skipped tbody tr').first().innerText(), /does the GIL matter for async views\?/);
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'cards-view-light.png') });
    await setTheme(page, 'Dark Modern', 'vs-dark');
    await painted(frame);
    await page.screenshot({ path: path.join(shots, 'cards-view-dark.png') });
    await setTheme(page, 'Light Modern', 'vs');
    // The select_related card's line number opens the notes beside the page, at that line.
    await frame.locator('table.cards tr', { hasText: 'What does select_related do?' }).locator('a[data-line]').click();
    await page.locator('.tab', { hasText: 'backend-notes.md' }).first().waitFor();
    await page.locator('.monaco-editor .current-line').first().waitFor();
    // Back to one editor group, as the steps after this one expect.
    await palette(page, 'View: Close All Editor Groups');
    await page.locator('.tab', { hasText: 'backend-notes.md' }).first().waitFor({ state: 'detached' });
    await palette(page, 'Django Prep: Open Bundled Guide');
  });
}

module.exports = { cardsViewSteps };
