// @ts-check
// Driving the workbench in Chromium: the command palette, the webview's frame, named steps that
// explain their failures, and answering the quiz box. Shared by the UI tests (ui.js, trust.js).
// Every wait is for a state: a box by its title, the card's own "drawn" state, a row focused;
// never for a fixed time.
'use strict';
const fs = require('fs');
const path = require('path');
const { replay } = require('./seed');

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Frame} Frame */

/** Polls `probe` (a condition, not a duration) until it gives something truthy. */
async function poll(/** @type {() => Promise<any>} */ probe, /** @type {string} */ what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) { return v; }
    if (Date.now() > deadline) { throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`); }
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Resolves after the page has painted twice: what a screenshot needs after a change, instead of a guessed pause. */
async function painted(/** @type {Page | Frame} */ target) {
  await target.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));
}

/**
 * For the few assertions that something does NOT happen over a time (a paused clock stands
 * still, a cancelled run runs nothing): an observation window, not a wait for a state.
 */
function observe(/** @type {Page} */ page, /** @type {number} */ ms) {
  return page.waitForTimeout(ms);
}

/** The quick input's title now, '' when no box is on screen. */
function boxTitle(/** @type {Page} */ page) {
  return page.evaluate(() => {
    const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
    if (!w || getComputedStyle(w).display === 'none') { return ''; }
    return (w.querySelector('.quick-input-title')?.textContent ?? '').trim();
  });
}

/** Waits for a box on screen whose title matches `pattern`; returns the title. */
async function waitForBox(/** @type {Page} */ page, /** @type {RegExp} */ pattern, timeout = 20000) {
  const handle = await page.waitForFunction(([source, flags]) => {
    const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
    if (!w || getComputedStyle(w).display === 'none') { return false; }
    const t = (w.querySelector('.quick-input-title')?.textContent ?? '').trim();
    return new RegExp(source, flags).test(t) ? t : false;
  }, [pattern.source, pattern.flags], { timeout }).catch(async e => {
    throw new Error(`no box titled ${pattern} (the box says "${await boxTitle(page).catch(() => '?')}"): ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  });
  return /** @type {string} */ (await handle.jsonValue());
}

/** Waits until no quick input is on screen. */
async function waitForNoBox(/** @type {Page} */ page, timeout = 20000) {
  await page.waitForFunction(() => {
    const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
    return !w || getComputedStyle(w).display === 'none';
  }, undefined, { timeout }).catch(async e => {
    throw new Error(`the box "${await boxTitle(page).catch(() => '?')}" stayed open: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  });
}

/** True while the command palette (a box whose input starts with ">") is on screen. */
const PALETTE_OPEN = () => {
  const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
  const input = /** @type {HTMLInputElement | null} */ (document.querySelector('.quick-input-widget input.input'));
  return !!w && getComputedStyle(w).display !== 'none' && !!input && input.value.startsWith('>');
};

/** Runs a command through the real command palette. Focus in a webview may swallow F1, so click the status bar first. */
async function palette(/** @type {Page} */ page, /** @type {string} */ label) {
  const input = page.locator('.quick-input-widget input.input');
  const open = async (/** @type {number} */ timeout) => {
    await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('F1');
    await page.waitForFunction(PALETTE_OPEN, undefined, { timeout });
  };
  try {
    await open(5000);
  } catch {
    // Retried once, for a race in VS Code itself: a key pressed while a webview has the focus is
    // sent from the webview's iframe to the workbench as a message (the webview's keydown
    // forwarding), and F1 pressed as the focus moves from a webview to the status bar can be
    // lost on its way. Any other reason fails on the second try.
    await open(20000);
  }
  try {
    await input.fill('>' + label, { timeout: 5000 });
  } catch (e) {
    // The palette closes when the focus leaves it: a webview restored after a window reload can
    // take the focus just after the palette opened. Opened again once, when that is what happened.
    if (await page.evaluate(PALETTE_OPEN)) { throw e; }
    await open(20000);
    await input.fill('>' + label);
  }
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  // Enter when the match is the focused row: a click can land while the list still animates.
  if (/\bfocused\b/.test(await row.getAttribute('class') ?? '')) { await page.keyboard.press('Enter'); } else { await row.click(); }
  // The palette is gone: closed, or replaced by the command's own box.
  await page.waitForFunction(`!(${PALETTE_OPEN.toString()})()`);
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

/** Waits for the topic page to show `expected` as its title (the page sets it as it draws the topic). */
async function waitForTitle(/** @type {Page} */ page, /** @type {string} */ expected, timeoutMs = 20000) {
  const exact = new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  try {
    await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#title', { hasText: exact }).waitFor({ timeout: timeoutMs });
  } catch {
    throw new Error(`webview title is "${await webviewTitle(page).catch(() => undefined)}", expected "${expected}"`);
  }
}

/** The newest lines of the extension host's log (and this extension's output channel) under a user-data dir. */
function extensionHostLog(/** @type {string | undefined} */ userData, lines = 80) {
  if (!userData) { return '(no user-data dir)\n'; }
  /** @type {{ file: string, mtime: number }[]} */
  const found = [];
  const walk = (/** @type {string} */ dir, /** @type {number} */ depth) => {
    let entries;
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < 5) { walk(p, depth + 1); }
      if (e.isFile() && (e.name === 'remoteexthost.log' || e.name === 'exthost.log' || /Django Interview Prep\.log$/.test(e.name))) {
        found.push({ file: p, mtime: fs.statSync(p).mtimeMs });
      }
    }
  };
  walk(path.join(userData, 'logs'), 0);
  if (!found.length) { return `(no extension host log under ${path.join(userData, 'logs')})\n`; }
  // The newest host's log (a reload starts another), and the extension's channel if it wrote one.
  const host = found.filter(f => !/Django/.test(f.file)).sort((a, b) => b.mtime - a.mtime)[0];
  const channel = found.filter(f => /Django/.test(f.file)).sort((a, b) => b.mtime - a.mtime)[0];
  return [host, channel].filter(Boolean).map(f => {
    const all = fs.readFileSync(/** @type {{ file: string }} */ (f).file, 'utf8').split('\n');
    return `==> ${/** @type {{ file: string }} */ (f).file} (last ${Math.min(lines, all.length)} of ${all.length} lines)\n${all.slice(-lines).join('\n')}`;
  }).join('\n\n') + '\n';
}

/**
 * Named steps that print ✔/✘ and count. A failing step saves a screenshot and the end of the
 * extension host's log next to it, prints both paths and how to replay the run's draws, and
 * throws on. `context` gets its page and user-data dir once they exist.
 * @param {{ level: string, shots: string, page?: Page, userData?: string, consoleLines?: string[] }} context
 */
function steps(context) {
  const counts = { passed: 0, failed: 0 };
  async function step(/** @type {string} */ name, /** @type {() => Promise<void>} */ fn) {
    try {
      await fn();
      counts.passed++;
      console.log(`  ✔ ${name}`);
    } catch (e) {
      counts.failed++;
      console.log(`  ✘ ${name}\n    ${String(e instanceof Error ? e.stack : e).split('\n').slice(0, 6).join('\n    ')}`);
      console.log(await explainFailure(context, name));
      throw e;
    }
  }
  return { step, counts };
}

/** Saves what a failed step left on screen and in the logs; returns the lines that say where. */
async function explainFailure(/** @type {{ level: string, shots: string, page?: Page, userData?: string, consoleLines?: string[] }} */ context, /** @type {string} */ name) {
  const slug = `${context.level}-FAILED-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}`;
  fs.mkdirSync(context.shots, { recursive: true });
  const shot = path.join(context.shots, `${slug}.png`);
  const logFile = path.join(context.shots, `${slug}.log`);
  let shotNote = shot;
  try {
    if (!context.page) { throw new Error('no page yet'); }
    await context.page.screenshot({ path: shot, timeout: 10000 });
  } catch (e) { shotNote = `(no screenshot: ${e instanceof Error ? e.message.split('\n')[0] : e})`; }
  let box = '';
  try { box = context.page ? await boxTitle(context.page) : ''; } catch { /* page gone */ }
  const seed = process.env.DJANGO_PREP_SEED ?? '?';
  const text = `Step: ${name}\nQuick input on screen: ${box ? `"${box}"` : 'none'}\nDraws seeded with ${seed}\n\n`
    + extensionHostLog(context.userData)
    + (context.consoleLines?.length ? `\n==> the page's console (last ${context.consoleLines.length} lines)\n${context.consoleLines.join('\n')}\n` : '');
  fs.writeFileSync(logFile, text);
  return `    screenshot: ${shotNote}\n    extension host log: ${logFile}\n    draws seeded with ${seed}; the same draws again: ${replay(context.level, Number(seed))}`;
}

/** Keeps the last `n` lines the page logged (the workbench's errors, the extension host's output), for a failure's log. */
function recordConsole(/** @type {Page} */ page, n = 60) {
  /** @type {string[]} */
  const lines = [];
  page.on('console', msg => {
    if (msg.type() !== 'error' && msg.type() !== 'warning' && !/%c/.test(msg.text())) { return; }
    lines.push(`[${msg.type()}] ${msg.text().replace(/%c\s*|color: [^ ]+ ?/g, '')}`.slice(0, 2000));
    if (lines.length > n) { lines.shift(); }
  });
  page.on('pageerror', e => { lines.push(`[pageerror] ${e.message}`); if (lines.length > n) { lines.shift(); } });
  return lines;
}

/** Starts a 5-question quiz on `topic` from the palette, by keyboard; returns the box's title and input. */
async function startTopicQuiz(/** @type {Page} */ page, /** @type {string} */ topic) {
  await palette(page, 'Django Prep: Start Quiz...');
  const title = page.locator('.quick-input-widget .quick-input-title');
  const input = page.locator('.quick-input-widget input.input');
  await waitForBox(page, /^Django Prep: Start Quiz$/);
  await input.fill('A topic');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'A topic' }).waitFor();
  await page.keyboard.press('Enter');
  await waitForBox(page, /^Quiz a topic$/);
  await input.fill(topic);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: topic }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input.input[placeholder="How many questions?"]').waitFor();
  await input.fill('5 questions');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '5 questions' }).waitFor();
  await page.keyboard.press('Enter');
  return { title, input };
}

/** The title of a box giving a verdict, and of a recall card asking to be rated. */
const VERDICT = /^(✓ Right|✗ Not quite|≈ Almost)/;
const RATE = /how well did you answer\?$/;

/**
 * Answers question `n` of `total` from the keyboard, whatever kind was drawn: the card beside
 * says which (its data-kind, once its own state is "drawn" with this question), and each kind
 * needs its own keys: a typed answer and Enter; Enter on each step of an order; a box of
 * several choices ticked, then Enter; Enter on a recall card's "Show the answer"; Enter on a
 * single choice. Returns the box's title afterwards: a verdict, or a recall card's rating.
 */
async function answerQuestion(/** @type {Page} */ page, /** @type {number} */ n, /** @type {number} */ total, typed = 'wraps') {
  const heading = `Question ${n} of ${total}`;
  await waitForBox(page, new RegExp(`^${heading} · `));
  const card = await cardFrame(page);
  const drawn = card.locator('main#card[data-state="drawn"][data-phase="question"]', { has: card.locator('#heading', { hasText: new RegExp(`^${heading}$`) }) });
  await drawn.waitFor();
  const kind = await drawn.getAttribute('data-kind');
  const next = new RegExp(`${VERDICT.source}|${RATE.source}`);
  if (kind === 'typed') {
    await page.locator('.quick-input-widget input.input').fill(typed);
    await page.keyboard.press('Enter');
    return waitForBox(page, VERDICT);
  }
  if (kind === 'order') {
    for (;;) {
      const t = await boxTitle(page);
      const m = / · step (\d+) of (\d+)$/.exec(t);
      if (!m) { break; }
      await page.locator('.quick-input-list .monaco-list-row.focused').waitFor();
      await page.keyboard.press('Enter');
      const [i, k] = [Number(m[1]), Number(m[2])];
      await waitForBox(page, i < k ? new RegExp(` · step ${i + 1} of ${k}$`) : VERDICT);
    }
    return waitForBox(page, VERDICT);
  }
  const checkboxes = await page.locator('.quick-input-widget.show-checkboxes').count();
  if (checkboxes) {
    // "Select all that apply": tick the first option (a click on its text; on the checkbox itself
    // the row's label toggles it back), see it counted, then Enter (Enter alone would skip it).
    await page.locator('.quick-input-list .monaco-list-row').first().locator('.quick-input-list-rows').click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor();
  } else {
    await page.locator('.quick-input-list .monaco-list-row.focused').waitFor();
  }
  await page.keyboard.press('Enter');
  return waitForBox(page, next);
}

/** Starts a quiz of `length` open questions from the palette; returns the card's frame with question 1 drawn. */
async function startOpenQuestions(/** @type {Page} */ page, length = 5) {
  const input = page.locator('.quick-input-widget input.input');
  await palette(page, 'Django Prep: Start Quiz...');
  await waitForBox(page, /^Django Prep: Start Quiz$/);
  await input.fill('Open questions only');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Open questions only' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input.input[placeholder="How many questions?"]').waitFor();
  await input.fill(`${length} questions`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: `${length} questions` }).waitFor();
  await page.keyboard.press('Enter');
  await waitForBox(page, new RegExp(`^Question 1 of ${length} · `));
  const frame = await cardFrame(page);
  // The card's own state: this question drawn.
  await frame.locator('main#card[data-state="drawn"][data-phase="question"]', { has: frame.locator('#heading', { hasText: `Question 1 of ${length}` }) }).waitFor();
  return frame;
}

/** The newest live frame holding `selector` (several webviews may be open; a closed one can linger). */
async function frameWith(/** @type {Page} */ page, /** @type {string} */ selector, what = selector) {
  return /** @type {Promise<Frame>} */ (poll(async () => {
    for (const f of [...page.frames()].reverse()) {
      try { if (!f.isDetached() && await f.locator(selector).count()) { return f; } } catch { /* frame gone */ }
    }
    return undefined;
  }, `a ${what} frame`));
}

/** The progress dashboard's frame. */
const dashboardFrame = (/** @type {Page} */ page) => frameWith(page, 'section.totals', 'dashboard');
/** The quiz card's frame. */
const cardFrame = (/** @type {Page} */ page) => frameWith(page, 'main#card', 'quiz card');

/** The class VS Code puts on a webview page's body for each kind of theme. */
const WEBVIEW_THEME = /** @type {Record<string, string>} */ ({ 'vs': 'vscode-light', 'vs-dark': 'vscode-dark', 'hc-black': 'vscode-high-contrast', 'hc-light': 'vscode-high-contrast-light' });

/** Switches the colour theme from the palette and waits until the workbench and every webview page have it. */
async function setTheme(/** @type {Page} */ page, /** @type {string} */ theme, /** @type {string} */ bodyClass) {
  await palette(page, 'Preferences: Color Theme');
  // The theme picker lists the themes (the palette is gone by now, so these rows are its).
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
  await page.locator('.quick-input-widget input.input').fill(theme);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${bodyClass}`).waitFor();
  // Webview pages get the theme (its class and colours) in a message of their own, a moment later.
  const wanted = WEBVIEW_THEME[bodyClass];
  await poll(async () => {
    for (const f of page.frames()) {
      if (f.isDetached()) { continue; }
      const classes = await f.evaluate(() => document.body?.className ?? '').catch(() => '');
      if (/\bvscode-(light|dark|high-contrast(-light)?)\b/.test(classes) && !new RegExp(`(^|\\s)${wanted}(\\s|$)`).test(classes)) { return false; }
    }
    return true;
  }, `the webviews in the ${theme} theme`);
  await painted(page);
}

/** Picks `file` in the workbench's own file dialog (a quick input in the browser), once open, by typing its path. */
async function pickFile(/** @type {Page} */ page, /** @type {string} */ file) {
  const input = page.locator('.quick-input-widget input.input');
  // The dialog fills in its start folder asynchronously: wait for its listing before typing.
  // It starts in the last folder used: go to the file's folder and wait for its listing first.
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await input.fill(path.dirname(file) + '/');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first().waitFor();
  await input.fill(file);
  await page.waitForFunction(f => /** @type {HTMLInputElement | null} */ (document.querySelector('.quick-input-widget input.input'))?.value === f, file);
  await page.keyboard.press('Enter');
}

/** Open Study Document... with `file`. */
async function openStudyDocument(/** @type {Page} */ page, /** @type {string} */ file) {
  await palette(page, 'Django Prep: Open Study Document...');
  await pickFile(page, file);
  await waitForNoBox(page);
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

module.exports = { startOpenQuestions, pick, pickFile, openStudyDocument, palette, startTopicQuiz, answerQuestion, VERDICT, RATE, webviewFrame, webviewTitle, waitForTitle, waitForBox, waitForNoBox, boxTitle, steps, explainFailure, recordConsole, frameWith, dashboardFrame, cardFrame, setTheme, painted, observe, poll };
