// @ts-check
// UI steps for hostile study documents (called from ui.js): scripts, links, SVG, huge and binary
// documents render as text; nothing runs, only allowed links, no CSP violation.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { hostileDocuments } = require('./hostile');
const { ROOT } = require('./lib');
const { palette, webviewFrame, waitForTitle, openStudyDocument, painted } = require('./workbench');

const SENTINEL = '__djangoPrepPwned';

/** @typedef {import('playwright-core').Page} Page */

/**
 * @param {{ page: Page, step: (name: string, fn: () => Promise<void>) => Promise<void>, shots: string, log: (...a: unknown[]) => void, workspace: string, cspViolations: string[] }} o
 */
async function hostileSteps({ page, step, shots, log, workspace, cspViolations }) {
  await step('a hostile document renders as text: no payload runs, no CSP violation', async () => {
    await openStudyDocument(page, path.join(workspace, 'hostile-basic.md'));
    for (const name of ['Scripts', 'Links']) {
      await page.getByRole('treeitem', { name: new RegExp(`^Topic ${name}`) }).click();
      await waitForTitle(page, name);
    }
    const frame = await webviewFrame(page);
    await frame.locator('#content li', { hasText: 'Script link' }).waitFor();
    assert.strictEqual(await frame.evaluate(s => /** @type {any} */ (window)[s], SENTINEL), undefined, 'sentinel stays unset');
    assert.strictEqual(await frame.locator('#content script, #content img, #content svg, #content iframe').count(), 0);
    const hrefs = await frame.locator('#content a').evaluateAll(as => as.map(a => a.getAttribute('href')));
    assert.deepStrictEqual(hrefs, ['https://docs.djangoproject.com/en/5.1/', '#']);
    // Clicking what used to be a javascript: link does nothing.
    await frame.locator('#content li', { hasText: 'Script link' }).click();
    await painted(frame); // whatever the click started has had its turn
    assert.strictEqual(await frame.evaluate(s => /** @type {any} */ (window)[s], SENTINEL), undefined);
    // An allowed external link goes to the browser (the workbench asks first, as it does for any link).
    await frame.locator('#content a.external').click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'docs.djangoproject.com' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await frame.locator('#content a.topic-link').click();
    await waitForTitle(page, 'Scripts');
    assert.strictEqual(await frame.evaluate(s => /** @type {any} */ (window)[s], SENTINEL), undefined);
    assert.deepStrictEqual(cspViolations, [], 'no CSP violation was reported');
    await page.screenshot({ path: path.join(shots, 'hostile.png') });
  });

  await step('every hostile document: nothing runs, only allowed links, no CSP violation, the extension keeps answering', async () => {
    const files = hostileDocuments(path.join(workspace, 'hostile'), path.join(ROOT, 'test', 'fixtures', 'hostile'));
    const report = [];
    for (const [name, file] of Object.entries(files)) {
      const t0 = Date.now();
      await openStudyDocument(page, file);
      // The tree shows this document's first topic, or the welcome message when nothing readable is left.
      const head = fs.readFileSync(file).subarray(0, 4096).toString('latin1');
      const expected = (/^### ([^<\n]*)/m.exec(head)?.[1] ?? '').trim();
      const first = page.locator(`.part.sidebar .monaco-list-row[aria-label^="Topic ${expected.replace(/"/g, '\\"')}"]`).first();
      const welcome = page.locator('.welcome-view-content');
      await Promise.race([first.waitFor({ timeout: 60000 }), welcome.first().waitFor({ timeout: 60000 })]);
      let shown = 'welcome message';
      if (await first.count()) {
        const label = (await first.getAttribute('aria-label')) ?? '';
        await first.click();
        const frame = await webviewFrame(page);
        await frame.locator('#content').waitFor();
        await painted(frame); // the page drew it, and anything it would run has had its turn
        assert.strictEqual(await frame.evaluate(s => /** @type {any} */ (window)[s], SENTINEL), undefined, `${name}: the sentinel stays unset`);
        assert.strictEqual(await frame.locator('#content script, #content iframe, #content object, #content embed, #content svg, #content style, #content math, #content [style], #content [onerror], #content [onload]').count(), 0, `${name}: no active element`);
        const hrefs = await frame.locator('#content a').evaluateAll(as => as.map(a => a.getAttribute('href') ?? ''));
        assert.deepStrictEqual(hrefs.filter(h => !/^(https?:\/\/|mailto:|#$)/.test(h)), [], `${name}: only allowed links`);
        const srcs = await frame.locator('#content img').evaluateAll(is => is.map(i => i.getAttribute('src') ?? ''));
        assert.deepStrictEqual(srcs.filter(s => !s.startsWith('https://')), [], `${name}: only https images`);
        shown = label.split(',')[0];
        assert.ok(shown.startsWith(`Topic ${expected}`), `${name}: opened ${shown}`);
      }
      assert.deepStrictEqual(cspViolations, [], `${name}: no CSP violation`);
      report.push(`${name}: ${shown} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    log(`hostile documents:\n  ${report.join('\n  ')}`);
    // Still answering: the bundled guide comes back and opens a topic.
    await palette(page, 'Django Prep: Open Bundled Guide');
    await page.getByRole('treeitem', { name: /^Topic Decorators/ }).click();
    await waitForTitle(page, 'Decorators');
  });
}

module.exports = { hostileSteps };
