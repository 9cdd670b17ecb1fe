// @ts-check
// Topic webview: draws topics posted by the extension, posts back typed messages.
(function () {
  /** @typedef {import('../src/core/messages').ToWebview} ToWebview */
  /** @typedef {import('../src/core/messages').TopicView} TopicView */
  /** @typedef {TopicView['related'][number]} TopicRef */

  /** @type {TopicPageApi} */
  const vscode = acquireVsCodeApi();

  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const title = byId('title');
  const crumb = byId('crumb');
  const meta = byId('meta');
  const notice = byId('notice');
  const related = byId('related');
  const actions = byId('actions');
  const content = byId('content');
  const previous = /** @type {HTMLButtonElement} */ (byId('previous'));
  const next = /** @type {HTMLButtonElement} */ (byId('next'));

  /** @type {string | undefined} */
  let currentId;
  /** @type {number | undefined} the last message drawn */
  let rev;

  /**
   * @param {HTMLButtonElement} button
   * @param {TopicRef | undefined} target
   * @param {string} word
   */
  function setNav(button, target, word) {
    button.disabled = !target;
    button.title = target ? `${word}: ${target.title}` : `No ${word.toLowerCase()} topic`;
    button.setAttribute('aria-label', button.title);
  }

  /** @param {string | undefined} conceptId */
  function scrollToConcept(conceptId) {
    if (!conceptId) { return false; }
    const el = Array.from(content.querySelectorAll('[data-concept]')).find(e => e.getAttribute('data-concept') === conceptId);
    if (!(el instanceof HTMLElement)) { return false; }
    el.scrollIntoView({ block: 'start' });
    el.classList.remove('highlight');
    void el.offsetWidth; // restart the highlight animation
    el.classList.add('highlight');
    return true;
  }

  /** @param {TopicView['related']} topics */
  function showRelated(topics) {
    related.textContent = '';
    related.hidden = topics.length === 0;
    if (!topics.length) { return; }
    const label = document.createElement('span');
    label.className = 'related-label';
    label.textContent = 'Related';
    related.append(label);
    for (const t of topics) {
      const a = document.createElement('a');
      a.href = '#';
      a.className = 'chip';
      a.dataset.topic = t.id;
      a.textContent = t.title;
      related.append(a);
    }
  }

  /** Buttons for what the user can do with this topic besides reading it. */
  function showActions(/** @type {TopicView} */ topic) {
    actions.textContent = '';
    if (topic.exercises) {
      const practise = document.createElement('button');
      practise.type = 'button';
      practise.id = 'practise';
      practise.className = 'action-button secondary';
      practise.textContent = topic.exercises === 1 ? 'Practise' : `Practise (${topic.exercises})`;
      practise.title = `Scaffold a runnable exercise on ${topic.title} into your workspace`;
      practise.addEventListener('click', () => vscode.postMessage({ type: 'practice', topicId: topic.id }));
      actions.append(practise);
    }
    if (topic.quizCards) {
      const quiz = document.createElement('button');
      quiz.type = 'button';
      quiz.id = 'quiz';
      quiz.className = 'action-button';
      quiz.textContent = 'Quiz this topic';
      quiz.title = `${topic.quizCards} questions on ${topic.title}, in the command palette's quiz`;
      quiz.addEventListener('click', () => vscode.postMessage({ type: 'quiz', topicId: topic.id }));
      actions.append(quiz);
    }
  }

  /** The "Show all answers" button opens or closes every answer below it. */
  function toggleAnswers(/** @type {HTMLButtonElement} */ button) {
    const open = button.getAttribute('aria-expanded') !== 'true';
    content.querySelectorAll('details.qa').forEach(d => { /** @type {HTMLDetailsElement} */ (d).open = open; });
    syncToggle(open);
  }

  function syncToggle(/** @type {boolean} */ open) {
    content.querySelectorAll('button.qa-toggle').forEach(b => {
      b.setAttribute('aria-expanded', String(open));
      b.textContent = open ? 'Hide all answers' : 'Show all answers';
    });
  }

  /** Epoch milliseconds, comparable with the extension host's clock. */
  const clock = () => performance.timeOrigin + performance.now();

  /** @param {ToWebview} message */
  function render(message) {
    const received = clock();
    rev = message.rev;
    if (message.type === 'missing') {
      vscode.setState({ topicId: currentId ?? '', rev });
      currentId = undefined;
      title.textContent = message.title;
      crumb.textContent = '';
      meta.textContent = '';
      related.hidden = true;
      actions.textContent = '';
      content.textContent = '';
      notice.textContent = message.message;
      notice.hidden = false;
      setNav(previous, undefined, 'Previous');
      setNav(next, undefined, 'Next');
      return;
    }
    const topic = message.topic;
    const changed = topic.id !== currentId;
    currentId = topic.id;
    notice.hidden = true;
    title.textContent = topic.title;
    crumb.textContent = topic.crumb;
    const questions = topic.questions === 1 ? '1 interview question' : `${topic.questions} interview questions`;
    meta.textContent = topic.questions ? `${topic.minutes} min read · ${questions}` : `${topic.minutes} min read`;
    showRelated(topic.related);
    showActions(topic);
    // The HTML comes from the extension's renderer: raw HTML escaped, links allowlisted.
    content.innerHTML = topic.html;
    setNav(previous, topic.previous, 'Previous');
    setNav(next, topic.next, 'Next');
    document.title = topic.title;
    const scrolled = scrollToConcept(message.concept);
    if (!scrolled && changed) { window.scrollTo(0, 0); }
    vscode.setState({ topicId: topic.id, rev });
    vscode.postMessage({ type: 'rendered', rev, topicId: topic.id, concept: message.concept, scrolled, timing: { received, drawn: clock() } });
  }

  window.addEventListener('message', event => {
    const data = event.data;
    if (data && (data.type === 'show' || data.type === 'missing')) { render(data); }
  });

  document.addEventListener('click', event => {
    const toggle = event.target instanceof Element ? event.target.closest('button.qa-toggle') : null;
    if (toggle instanceof HTMLButtonElement) { toggleAnswers(toggle); return; }
    const target = event.target instanceof Element ? event.target.closest('a') : null;
    if (!target) { return; }
    event.preventDefault();
    const topicId = target.getAttribute('data-topic');
    const concept = target.getAttribute('data-concept') || undefined;
    if (topicId) {
      vscode.postMessage({ type: 'openTopic', id: topicId, concept });
    } else if (target.classList.contains('external')) {
      const href = target.getAttribute('href');
      if (href) { vscode.postMessage({ type: 'openExternal', href }); }
    }
  });

  // Keeps the button's label true when answers are opened one by one.
  content.addEventListener('toggle', () => {
    const all = Array.from(content.querySelectorAll('details.qa'));
    syncToggle(all.length > 0 && all.every(d => /** @type {HTMLDetailsElement} */ (d).open));
  }, true);

  previous.addEventListener('click', () => vscode.postMessage({ type: 'navigate', direction: 'previous' }));
  next.addEventListener('click', () => vscode.postMessage({ type: 'navigate', direction: 'next' }));

  document.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, [contenteditable]')) { return; }
    if (event.key === 'n' && !next.disabled) { next.click(); }
    if (event.key === 'p' && !previous.disabled) { previous.click(); }
  });

  // After being hidden the page reloads with the HTML it was created with: draw that first
  // message only if it is the last one this page drew; the extension sends anything newer.
  const initial = document.body.dataset.initial ? JSON.parse(document.body.dataset.initial) : undefined;
  const state = vscode.getState();
  if (initial && (!state || state.rev === initial.rev)) { render(initial); }
  vscode.postMessage({ type: 'ready', rev });
}());
