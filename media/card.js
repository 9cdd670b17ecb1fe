// @ts-check
// Quiz card webview: draws the card posted by the extension; Space reveals a recall card's
// answer, 1-4 rate it, Escape stops the quiz. In a mock interview it also ticks the clocks and
// offers Pause (P) and Skip (S). Everything it sends is checked by the extension.
(function () {
  /** @typedef {import('../src/core/messages').CardView} CardView */
  /** @typedef {import('../src/core/messages').ToCard} ToCard */
  /** @typedef {import('../src/core/messages').FromCard} FromCard */

  /** @type {CardPageApi} */
  const vscode = acquireVsCodeApi();
  /** @param {FromCard} m */
  const post = (m) => vscode.postMessage(m);
  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const card = byId('card');
  const notes = /** @type {HTMLTextAreaElement} */ (byId('notes'));
  /** @type {{ rev: number; card: CardView } | undefined} */
  let shown;
  let notesTimer = 0;
  /** Mock interview: when the page received the clocks (its own clock), and the ticking timer. */
  let clockFrom = 0;
  let ticker = 0;

  /** @param {number} ms */
  const mmss = (ms) => { const s = Math.max(0, Math.floor(ms / 1000)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };

  /** Redraws the session clock and the question's countdown from the clocks last received. */
  function tick() {
    const c = shown?.card.interview;
    if (!c) { return; }
    const since = c.running ? performance.now() - clockFrom : 0;
    const session = c.elapsedMs + since;
    byId('session-clock').textContent = `${mmss(session)} / ${mmss(c.lengthMs)}${c.running ? '' : ' · paused'}`;
    byId('session-clock').classList.toggle('warn', session >= c.lengthMs);
    const answering = shown?.card.phase === 'question';
    const q = c.questionMs + (answering ? since : 0);
    const left = c.questionLimitMs - q;
    byId('question-clock').textContent = !answering ? `answered in ${mmss(q)}` : left >= 0 ? `${mmss(left)} left` : `${mmss(-left)} over`;
    const over = answering && left < 0;
    byId('question-clock-box').classList.toggle('warn', over);
    byId('over-limit').hidden = !over;
  }

  /** @param {CardView} c */
  function drawInterview(c) {
    clearInterval(ticker);
    const i = c.interview;
    byId('interview').hidden = !i;
    byId('over-limit').hidden = true;
    byId('reveal-label').textContent = i ? 'Done: show the model answer' : 'Show the answer';
    card.dataset.paused = String(!!i && !i.running);
    if (!i) { return; }
    clockFrom = performance.now();
    const pause = byId('pause');
    pause.replaceChildren(i.running ? 'Pause ' : 'Resume ', Object.assign(document.createElement('kbd'), { textContent: 'P' }));
    pause.setAttribute('aria-pressed', String(!i.running));
    tick();
    // The page keeps time by itself: the extension sends the clocks only with a new card.
    if (i.running) { ticker = setInterval(tick, 1000); }
  }

  /**
   * A list row: a mark named by `state` (read aloud), then the rendered `html`.
   * @param {string} state @param {string} symbol @param {string} html
   */
  function markedItem(state, symbol, html) {
    const li = document.createElement('li');
    li.className = state;
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.textContent = symbol;
    mark.setAttribute('aria-label', state);
    const text = document.createElement('span');
    text.innerHTML = html;
    li.append(mark, text);
    return { li, text };
  }

  /** @param {HTMLElement} el @param {string | undefined} html */
  function setHtml(el, html) {
    el.hidden = !html;
    el.innerHTML = html ?? '';
  }

  /** @param {number} rev @param {CardView} c @param {number} received */
  function draw(rev, c, received) {
    const sameCard = shown && shown.card.heading === c.heading && shown.card.phase !== 'summary';
    shown = { rev, card: c };
    card.dataset.phase = c.phase;
    card.dataset.kind = c.kind ?? '';
    byId('heading').textContent = c.heading;
    byId('sub').textContent = c.sub;
    setHtml(byId('prompt'), c.promptHtml);
    const recallQuestion = c.recall && c.phase === 'question';
    byId('notes-box').hidden = !(c.recall && (c.phase === 'question' || notes.value)) || !!c.coverage;
    notes.readOnly = c.phase !== 'question';
    if (!sameCard) { notes.value = c.notes ?? ''; }
    byId('reveal-row').hidden = !recallQuestion;
    const verdict = byId('verdict');
    verdict.hidden = !c.verdict;
    verdict.textContent = c.verdict?.text ?? '';
    verdict.className = `verdict ${c.verdict?.tone ?? ''}`;
    setHtml(byId('answer'), c.answerHtml);
    setHtml(byId('explanation'), c.explanationHtml);
    const options = byId('options');
    options.hidden = !c.options;
    options.replaceChildren(...(c.options ?? []).map(o => {
      const { li, text } = markedItem(o.correct ? 'right' : 'wrong', o.correct ? '✓' : '✗', o.html);
      text.className = 'option-text';
      const why = document.createElement('span');
      why.className = 'why';
      why.textContent = o.why;
      li.append(why);
      return li;
    }));
    byId('ratings').hidden = !(c.recall && c.phase === 'answer' && !c.verdict);
    drawCoverage(c);
    const revisit = byId('revisit');
    revisit.hidden = !(c.revisit && c.revisit.length);
    revisit.replaceChildren(...(c.revisit ?? []).map(t => {
      const a = document.createElement('a');
      a.href = '#';
      a.className = 'chip';
      a.dataset.topic = t.id;
      a.textContent = t.title;
      return a;
    }));
    if (c.revisit?.length) {
      const label = document.createElement('span');
      label.className = 'related-label';
      label.textContent = 'Topics to revisit';
      revisit.prepend(label);
    }
    byId('hint').textContent = c.hint;
    drawInterview(c);
    // Reading a size lays the card out, so 'drawn' follows the layout (a frame callback may be
    // throttled in a webview that does not have focus).
    void card.offsetHeight;
    // What the 'drawn' message says, on the page too: the UI test waits for this card's own
    // state (data-state="drawn" with its rev, phase and kind) instead of a fixed time.
    card.dataset.rev = String(rev);
    card.dataset.state = 'drawn';
    post({ type: 'drawn', rev, timing: { received, drawn: performance.timeOrigin + performance.now() } });
  }

  /** A typed answer's feedback: points covered and missed, the answer with its matches marked, the suggested rating. */
  /** @param {CardView} c */
  function drawCoverage(c) {
    const cov = c.phase === 'answer' ? c.coverage : undefined;
    byId('coverage').hidden = !cov;
    card.dataset.suggested = cov ? String(cov.suggested) : '';
    const suggested = cov?.suggested ?? 3;
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (byId('ratings').querySelectorAll('button[data-rating]'))) {
      const mine = Number(b.dataset.rating) === suggested;
      b.classList.toggle('secondary', !mine);
      b.classList.toggle('suggested', mine && !!cov);
      b.title = mine && cov ? `Suggested from ${cov.label}` : '';
    }
    if (!cov) { return; }
    byId('coverage-label').textContent = cov.label;
    byId('coverage-by').textContent = `· ${cov.grader}`;
    byId('coverage-points').replaceChildren(...cov.points.map(p => markedItem(p.covered ? 'covered' : 'missed', p.covered ? '✓' : '○', p.html).li));
    const feedback = byId('coverage-feedback');
    feedback.hidden = !cov.feedback;
    feedback.textContent = cov.feedback ?? '';
    const followUp = byId('coverage-followup');
    followUp.hidden = !cov.followUp;
    followUp.textContent = cov.followUp ? `Follow-up: ${cov.followUp}` : '';
    byId('coverage-answer').innerHTML = cov.answerHtml;
    byId('coverage-note').textContent = cov.note;
    // The suggested rating has the focus: Enter (or Space) takes it.
    /** @type {HTMLButtonElement | null} */ (byId('ratings').querySelector(`button[data-rating="${suggested}"]`))?.focus();
  }

  function reveal() {
    if (shown?.card.recall && shown.card.phase === 'question') { flushNotes(); post({ type: 'reveal', rev: shown.rev }); }
  }

  /** @param {number} n */
  function rate(n) {
    if (shown?.card.recall && shown.card.phase === 'answer' && !shown.card.verdict && (n === 1 || n === 2 || n === 3 || n === 4)) {
      post({ type: 'rate', rev: shown.rev, rating: n });
    }
  }

  function flushNotes() {
    clearTimeout(notesTimer);
    if (shown?.card.recall) { post({ type: 'notes', rev: shown.rev, text: notes.value.slice(0, 10000) }); }
  }

  /** @param {import('../src/core/messages').InterviewAction} action */
  function control(action) {
    if (shown?.card.interview && shown.card.phase !== 'summary') { flushNotes(); post({ type: 'interview', rev: shown.rev, action }); }
  }

  function stop() {
    flushNotes();
    post({ type: 'stop' });
  }

  notes.addEventListener('input', () => {
    clearTimeout(notesTimer);
    notesTimer = setTimeout(flushNotes, 400);
  });

  byId('reveal').addEventListener('click', reveal);
  byId('pause').addEventListener('click', () => control(shown?.card.interview?.running ? 'pause' : 'resume'));
  byId('skip').addEventListener('click', () => control('skip'));
  byId('stop').addEventListener('click', stop);
  byId('ratings').addEventListener('click', e => {
    const b = /** @type {HTMLElement} */ (e.target).closest('button');
    if (b?.dataset.rating) { rate(Number(b.dataset.rating)); }
  });
  document.addEventListener('click', e => {
    const a = /** @type {HTMLElement} */ (e.target).closest('a');
    if (!a) { return; }
    e.preventDefault();
    const id = a.dataset.topic;
    if (id) { post({ type: 'openTopic', id }); }
  });
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape') { e.preventDefault(); stop(); return; }
    if (e.target === notes || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (shown?.card.interview && (e.key === 'p' || e.key === 'P')) { e.preventDefault(); control(shown.card.interview.running ? 'pause' : 'resume'); return; }
    if (shown?.card.interview && (e.key === 's' || e.key === 'S')) { e.preventDefault(); control('skip'); return; }
    if (e.key === ' ' && shown?.card.phase === 'question') { e.preventDefault(); reveal(); return; }
    if (/^[1-4]$/.test(e.key)) { e.preventDefault(); rate(Number(e.key)); return; }
    const target = /** @type {HTMLElement} */ (e.target);
    if (e.key === 'Enter' && shown?.card.coverage && shown.card.phase === 'answer' && target.tagName !== 'BUTTON' && target.tagName !== 'A') {
      e.preventDefault();
      rate(shown.card.coverage.suggested);
    }
  });

  window.addEventListener('message', (/** @type {MessageEvent<ToCard>} */ e) => {
    const m = e.data;
    if (m && m.type === 'card' && typeof m.rev === 'number') { draw(m.rev, m.card, performance.timeOrigin + performance.now()); }
  });

  const initial = document.body.dataset.initial;
  if (initial) {
    try { const m = /** @type {ToCard} */ (JSON.parse(initial)); draw(m.rev, m.card, performance.timeOrigin + performance.now()); } catch { /* the next message draws it */ }
  }
}());
