import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import type { MockRecord } from '../../src/core/interview/mockHistory';
import type { MockResult } from '../../src/core/interview/mockInterview';
import { PROGRESS_KEY } from '../../src/vscode/progress/progressStore';
import { waitFor, activated } from './helpers';
import { reviews } from '../../src/core/study/reviewLog';

let api: DjangoPrepApi;

/** Two sections, two topics each, three open questions per topic. */
function notes(): string {
  const lines = ['# Interview notes'];
  for (const s of ['Python', 'Django']) {
    lines.push('', `## ${s}`);
    for (const t of ['Basics', 'Advanced']) {
      lines.push('', `### ${s} ${t}`, '');
      for (let i = 1; i <= 3; i++) { lines.push(`Q: ${s} ${t} question ${i}?`, `A: The answer to ${s} ${t} ${i}.`, ''); }
    }
  }
  return lines.join('\n');
}

const state = () => (api.progress as unknown as { context: vscode.ExtensionContext }).context.globalState;
const question = (n: number) => waitFor(() => api.mockInterview.state?.number === n && !api.mockInterview.state.revealed ? api.mockInterview.state : undefined, `question ${n}`);
const cardTabs = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('djangoPrep.quizCard'));

async function answer(n: number, rating: 1 | 2 | 3 | 4): Promise<void> {
  await question(n);
  await api.mockInterview.act({ type: 'reveal', rev: 0 });
  await waitFor(() => api.mockInterview.state?.revealed, `the answer to question ${n}`);
  await api.mockInterview.act({ type: 'rate', rev: 0, rating });
}

suite('Mock interviews', () => {
  let dir: string;
  let file: vscode.Uri;
  suiteSetup(async () => {
    api = await activated();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-mock-'));
    file = vscode.Uri.file(path.join(dir, 'notes.md'));
    fs.writeFileSync(file.fsPath, notes());
  });
  setup(async () => {
    await vscode.commands.executeCommand('djangoPrep.openDocument', file);
    await waitFor(async () => (await api.decks.current())?.key === file.toString(), 'the notes deck');
    await api.progress.reset();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('two questions and a follow-up: ratings reviewed, the report\'s figures, the history after a reload', async () => {
    const done = vscode.commands.executeCommand<MockResult>('djangoPrep.startMockInterview', { minutes: 15, focus: 'all', followUpChance: 1 });
    const first = await question(1);
    assert.strictEqual(first.followUp, false);
    assert.ok(api.mockInterview.isCardOpen, 'the question is on the card');
    await api.mockInterview.act({ type: 'notes', rev: 0, text: 'Lazy | iterator' });
    await answer(1, 3);
    const second = await question(2);
    assert.strictEqual(second.followUp, true, 'a Good answer is followed up');
    assert.strictEqual(second.topic, first.topic, 'on the same topic');
    await api.mockInterview.act({ type: 'interview', rev: 0, action: 'pause' });
    await waitFor(() => api.mockInterview.state?.paused, 'paused');
    await api.mockInterview.act({ type: 'interview', rev: 0, action: 'resume' });
    await answer(2, 2);
    const third = await question(3);
    assert.strictEqual(third.followUp, false, 'a Hard answer is not');
    await api.mockInterview.act({ type: 'stop' });
    const result = await done;
    assert.deepStrictEqual(result.answers.map(a => [a.cardId, a.rating, a.followUp]), [[first.cardId, 3, false], [second.cardId, 2, true]]);
    await waitFor(() => !api.mockInterview.isCardOpen, 'the card closes');

    // The ratings are reviews: both cards are scheduled.
    const cards = api.progress.document(file.toString()).cards;
    assert.deepStrictEqual(Object.keys(cards).sort(), [first.cardId, second.cardId].sort());
    // ...and in the review log (heatmap, streaks, retention), with their ratings.
    const logged = await waitFor(() => { const l = [...reviews(api.progress.history.snapshot)].filter(x => x.document === file.toString()); return l.length === 2 ? l : undefined; }, 'both ratings logged');
    assert.deepStrictEqual(logged.map(x => [x.card, x.rating]).sort(), [[first.cardId, 3], [second.cardId, 2]].sort());

    // The report.
    await waitFor(() => api.mockReport.isOpen, 'the report');
    assert.match(api.mockReport.html, /2 questions: 2 answered, 0 skipped · average 2\.5 of 4 · 50% Good or Easy/);
    assert.match(api.mockReport.html, /follow-up/);
    assert.match(api.mockReport.html, /<th scope="row">Python<\/th><td>2<\/td><td>2<\/td><td>2\.5<\/td><td>50%<\/td>|<th scope="row">Django<\/th><td>2<\/td><td>2<\/td><td>2\.5<\/td><td>50%<\/td>/);
    assert.strictEqual((api.mockReport.html.match(/class="chip" data-topic=/g) ?? []).length, 1, 'the Hard answer\'s topic to revisit');
    const md = api.mockReport.markdown;
    assert.match(md, /\| 2 \| .* \*\(follow-up\)\* \| .* \| Hard \|/);
    assert.match(md, /> Lazy \| iterator/, 'the notes are in the Markdown');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // The history, kept with the progress, comes back after a reload (read again from storage).
    const before = api.progress.snapshot.mockInterviews;
    assert.strictEqual(before?.length, 1);
    assert.deepStrictEqual(before[0].questions.map(q => [q[0], q[2], q[4]]), [[first.cardId, 3, 0], [second.cardId, 2, 1]]);
    await api.progress.load();
    assert.deepStrictEqual(api.progress.snapshot.mockInterviews, before);
    // And it goes out with an export.
    const exported = vscode.Uri.file(path.join(dir, 'export.json'));
    await vscode.commands.executeCommand('djangoPrep.exportProgress', exported);
    assert.deepStrictEqual((JSON.parse(fs.readFileSync(exported.fsPath, 'utf8')) as { mockInterviews: MockRecord[] }).mockInterviews, before);
  });

  test('a document with no open questions: a clear message, no session, nothing recorded', async () => {
    const plain = vscode.Uri.file(path.join(dir, 'terms.md'));
    fs.writeFileSync(plain.fsPath, '# Terms\n\n## Python\n\n### Data\n\n- List: an ordered mutable sequence\n- Tuple: an ordered immutable sequence\n- Set: an unordered collection of unique items\n');
    await vscode.commands.executeCommand('djangoPrep.openDocument', plain);
    await waitFor(async () => (await api.decks.current())?.key === plain.toString(), 'the terms deck');
    const result = await vscode.commands.executeCommand<MockResult | undefined>('djangoPrep.startMockInterview', { minutes: 15, focus: 'all' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(api.mockInterview.isRunning, false);
    assert.strictEqual(api.mockInterview.isCardOpen, false);
    assert.strictEqual(api.progress.snapshot.mockInterviews, undefined);
  });

  test('closing the card mid-question ends the session and keeps what was answered', async () => {
    const done = vscode.commands.executeCommand<MockResult>('djangoPrep.startMockInterview', { minutes: 30, focus: 'all', followUpChance: 0 });
    await answer(1, 4);
    await question(2);
    await waitFor(() => cardTabs().length === 1 ? true : undefined, 'the card\'s tab');
    await vscode.window.tabGroups.close(cardTabs());
    const result = await done;
    assert.strictEqual(result.answers.length, 1, 'the rated question is kept, the open one left out');
    assert.strictEqual(api.mockInterview.isRunning, false);
    assert.strictEqual(api.progress.snapshot.mockInterviews?.length, 1);
    await waitFor(() => api.mockReport.isOpen, 'the report is shown');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('two windows: a session finished in each is kept in the merged history', async () => {
    const done = vscode.commands.executeCommand<MockResult>('djangoPrep.startMockInterview', { minutes: 15, focus: 'all', followUpChance: 0 });
    await answer(1, 3);
    await question(2);
    // Meanwhile another window finished its own session and saved its progress.
    const theirs: MockRecord = { id: 'other-window', doc: file.toString(), at: Date.now() - 60_000, minutes: 15, focus: 'whole document', ms: 600_000, questions: [['recall:x/y', 'x', 4, 100, 0]] };
    await state().update(PROGRESS_KEY, { version: 1, documents: {}, mockInterviews: [theirs] });
    await api.mockInterview.act({ type: 'stop' });
    await done;
    const stored = state().get<{ mockInterviews: MockRecord[]; documents: Record<string, { cards: Record<string, unknown> }> }>(PROGRESS_KEY)!;
    assert.strictEqual(stored.mockInterviews.length, 2, 'both sessions are kept');
    assert.strictEqual(stored.mockInterviews[0].id, 'other-window');
    assert.strictEqual(Object.keys(stored.documents[file.toString()].cards).length, 1, 'and this window\'s review');
    // The report's trend has both sessions on this document.
    await waitFor(() => api.mockReport.isOpen, 'the report');
    assert.match(api.mockReport.html, /\(this one\)/);
    assert.strictEqual((api.mockReport.html.match(/<tr( class="current")?><td>\d{4}-/g) ?? []).length, 2);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
