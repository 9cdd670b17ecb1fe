import * as assert from 'assert';
import { DASHBOARD_COMMANDS, parseFromDashboard, parseFromWebview, parsePanelState } from '../../src/core/messages';

describe('webview messages', () => {
  it('accepts the typed messages', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'openTopic', id: 'a/b' }), { type: 'openTopic', id: 'a/b', concept: undefined });
    assert.deepStrictEqual(parseFromWebview({ type: 'navigate', direction: 'next' }), { type: 'navigate', direction: 'next' });
    assert.deepStrictEqual(parseFromWebview({ type: 'openExternal', href: 'https://docs.djangoproject.com/' }), { type: 'openExternal', href: 'https://docs.djangoproject.com/' });
    assert.deepStrictEqual(parseFromWebview({ type: 'rendered', rev: 2, topicId: 't', scrolled: false }), { type: 'rendered', rev: 2, topicId: 't', concept: undefined, scrolled: false, timing: undefined });
    assert.deepStrictEqual(parseFromWebview({ type: 'rendered', rev: 2, topicId: 't', scrolled: false, timing: { received: 1, drawn: 2, extra: 3 } }),
      { type: 'rendered', rev: 2, topicId: 't', concept: undefined, scrolled: false, timing: { received: 1, drawn: 2 } });
  });

  it('drops anything else', () => {
    for (const bad of [null, 'x', [], {}, { type: 'openTopic' }, { type: 'openTopic', id: 5 }, { type: 'openTopic', id: 'x'.repeat(301) },
      { type: 'openExternal', href: 'javascript:alert(1)' }, { type: 'openExternal', href: 'command:workbench.action.quit' },
      { type: 'navigate', direction: 'up' }, { type: 'rendered', topicId: 't' }, { type: 'rendered', topicId: 't', scrolled: true }, { type: 'rendered', rev: 1, topicId: 't', scrolled: true, timing: { received: 'x', drawn: 2 } }, { type: 'runCommand', command: 'x' }]) {
      assert.strictEqual(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  it('reads panel state defensively', () => {
    assert.deepStrictEqual(parsePanelState({ topicId: 'x', extra: 1 }), { topicId: 'x' });
    assert.strictEqual(parsePanelState({ topicId: '' }), undefined);
    assert.strictEqual(parsePanelState(undefined), undefined);
  });
});

describe('ready message', () => {
  it('carries an optional integer revision', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'ready' }), { type: 'ready', rev: undefined });
    assert.deepStrictEqual(parseFromWebview({ type: 'ready', rev: 3 }), { type: 'ready', rev: 3 });
    assert.strictEqual(parseFromWebview({ type: 'ready', rev: '3' }), undefined);
    assert.strictEqual(parseFromWebview({ type: 'ready', rev: 1.5 }), undefined);
  });
});

describe('dashboard messages', () => {
  it('accepts a request to run an allowlisted command', () => {
    for (const command of DASHBOARD_COMMANDS) {
      assert.deepStrictEqual(parseFromDashboard({ type: 'run', command, extra: 1 }), { type: 'run', command });
    }
  });

  it('drops anything else, the old untyped shape included', () => {
    for (const bad of [null, 'djangoPrep.startQuiz', { command: 'djangoPrep.startQuiz' }, { type: 'run' }, { type: 'run', command: 'workbench.action.quit' },
      { type: 'run', command: 'djangoPrep.openTopic' }, { type: 'quiz', topicId: 'x' }]) {
      assert.strictEqual(parseFromDashboard(bad), undefined, JSON.stringify(bad));
    }
  });
});
