// @ts-check
// Quiz card webview: draws the card posted by the extension; Space reveals a recall card's
// answer, 1-4 rate it, Escape stops the quiz. Everything it sends is checked by the extension.
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
    byId('notes-box').hidden = !(c.recall && (c.phase === 'question' || notes.value));
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
      const li = document.createElement('li');
      li.className = o.correct ? 'right' : 'wrong';
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.textContent = o.correct ? '✓' : '✗';
      mark.setAttribute('aria-label', o.correct ? 'right' : 'wrong');
      const text = document.createElement('span');
      text.className = 'option-text';
      text.innerHTML = o.html;
      const why = document.createElement('span');
      why.className = 'why';
      why.textContent = o.why;
      li.append(mark, text, why);
      return li;
    }));
    byId('ratings').hidden = !(c.recall && c.phase === 'answer' && !c.verdict);
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
    // Reading a size lays the card out, so 'drawn' follows the layout (a frame callback may be
    // throttled in a webview that does not have focus).
    void card.offsetHeight;
    post({ type: 'drawn', rev, timing: { received, drawn: performance.timeOrigin + performance.now() } });
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

  notes.addEventListener('input', () => {
    clearTimeout(notesTimer);
    notesTimer = setTimeout(flushNotes, 400);
  });

  byId('reveal').addEventListener('click', reveal);
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
    if (e.key === 'Escape') { e.preventDefault(); flushNotes(); post({ type: 'stop' }); return; }
    if (e.target === notes || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === ' ' && shown?.card.phase === 'question') { e.preventDefault(); reveal(); return; }
    if (/^[1-4]$/.test(e.key)) { e.preventDefault(); rate(Number(e.key)); }
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
