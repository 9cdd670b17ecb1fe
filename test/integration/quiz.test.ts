import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { waitFor, activated, testRandom } from './helpers';
import type { AskedQuestion } from '../../src/vscode/quiz/quizFlow';
import type { Summary } from '../../src/core/cards/quiz';
import type { Question } from '../../src/core/cards/questions';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => vscode.Uri.file(path.join(ROOT, 'test', 'fixtures', name));
const DAY = 86_400_000;

let api: DjangoPrepApi;


const asked = (phase: AskedQuestion['phase'], not?: Question) => waitFor(
  () => api.quiz.asked?.phase === phase && api.quiz.asked.question !== not ? api.quiz.asked : undefined, `the quiz ${phase}`);

/**
 * Moves the QuickPick's selection down `index` rows, then accepts: what a keyboard user does.
 * Called once `asked` says the box is up with its rows (the workbench reported its active row).
 */
async function choose(index: number): Promise<void> {
  for (let i = 0; i < index; i++) { await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

const rightChoice = (a: AskedQuestion) => {
  const q = a.question;
  const right = q.kind === 'choice' ? q.options.find(o => o.correct)!.text : q.kind === 'truefalse' ? (q.answer ? 'True' : 'False') : q.kind === 'output' ? q.output : '';
  return a.choices.indexOf(right);
};

suite('Quiz and progress', () => {
  suiteSetup(async () => {
    api = await activated();
    await api.progress.reset();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
  });

  test('a quiz answered through the QuickPick, one right and one wrong, is scheduled and summarised', async () => {
    await vscode.commands.executeCommand('djangoPrep.openDocument', fixture('interview-prep-outline.md'));
    const topic = 'python-topics/list-tuple-dict-set';
    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { topic, length: 2 });

    const first = await asked('question');
    assert.ok(first.choices.length >= 3, 'a concept card offers the term and distractors');
    await choose(rightChoice(first));
    await asked('feedback');
    await choose(0); // Next question

    const second = await asked('question', first.question);
    const wrong = second.choices.findIndex((_, i) => i !== rightChoice(second));
    await choose(wrong);
    await asked('feedback');
    await choose(0); // See the summary
    await waitFor(() => api.quiz.summaryOpen ? true : undefined, 'the summary');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

    const summary = await done;
    assert.deepStrictEqual([summary.answered, summary.right, summary.revisit], [2, 1, [topic]]);
    const key = fixture('interview-prep-outline.md').toString();
    await waitFor(() => Object.keys(api.progress.document(key).cards).length === 2 ? true : undefined, 'two reviewed cards');
    const cards = api.progress.document(key).cards;
    const dues = Object.values(cards).map(c => c[0] - Date.now());
    assert.ok(dues.every(d => d > 0.5 * DAY), 'both cards are due again only after at least half a day');
    await api.topicProgress.compute();
    const stats = api.topicProgress.get(topic)!;
    assert.strictEqual(stats.reviewed, 2);
    assert.ok(stats.recall! > 0.5 && stats.recall! <= 1);
    const item = api.tree.getTreeItem((await api.store.get())!.get(topic)!);
    assert.match(String(item.description), /% recall/, 'the tree shows the topic\'s recall');
  });

  test('the status bar counts due cards, and a due review lowers the count', async () => {
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
    const active = (await api.decks.current())!;
    // Three single-answer bank questions, reviewed a week ago and due since yesterday.
    const picked = active.deck.filter(c => c.id.startsWith('q:')).filter(c => { const q = c.build(testRandom()); return q.kind === 'truefalse' || (q.kind === 'choice' && q.select === 'one'); }).slice(0, 3);
    assert.strictEqual(picked.length, 3);
    const now = Date.now();
    const saved = [now - DAY, 2, 5, 6, 0, 2, 0, 2, now - 7 * DAY];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'djp-progress-')), 'due.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, documents: { guide: { read: {}, practised: {}, cards: Object.fromEntries(picked.map(c => [c.id, saved])) } } }));
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', vscode.Uri.file(file), 'merge'), true);
    assert.strictEqual(api.dueStatus.due, 3);

    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { scope: { kind: 'due' }, length: 1 });
    const q = await asked('question');
    assert.ok(picked.some(c => c.id === `q:${q.question.id}`), 'the due quiz asks a due card');
    await choose(rightChoice(q));
    await asked('feedback');
    await choose(0);
    await waitFor(() => api.quiz.summaryOpen ? true : undefined, 'the summary');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual((await done).right, 1);
    await waitFor(() => api.dueStatus.due === 2 ? true : undefined, 'the due count to drop to 2');
  });

  test('export and import round-trip progress; a file that is not progress changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-export-'));
    const out = vscode.Uri.file(path.join(dir, 'progress.json'));
    await vscode.commands.executeCommand('djangoPrep.exportProgress', out);
    const exported = JSON.parse(fs.readFileSync(out.fsPath, 'utf8'));
    assert.strictEqual(Object.keys(exported.documents.guide.cards).length, 3);
    const before = JSON.stringify(api.progress.snapshot);

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ version: 99, documents: {} }));
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', vscode.Uri.file(bad), 'replace'), false);
    fs.writeFileSync(bad, '{ not json');
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', vscode.Uri.file(bad), 'replace'), false);
    assert.strictEqual(JSON.stringify(api.progress.snapshot), before);

    await api.progress.reset();
    assert.strictEqual(api.dueStatus.due, 0);
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', out, 'replace'), true);
    assert.strictEqual(JSON.stringify(api.progress.snapshot), before);
  });

  test('unreadable saved progress is backed up to a file and reset, never a crash; what this machine journaled is kept', async () => {
    await api.progress.reset();
    const due = Date.now() + 5 * 86_400_000;
    await api.progress.review('guide', 'q:journaled', () => [due, 3, 5, 5, 0, 1, 0, 2, Date.now()]);
    const damaged = { version: 'two', documents: [1, 2, 3], note: 'from a broken sync' };
    await api.progress.load(damaged);
    const backup = api.progress.lastBackup;
    assert.ok(backup, 'a backup was written');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(backup.fsPath, 'utf8')), damaged);
    assert.deepStrictEqual(Object.keys(api.progress.snapshot.documents), ['guide']);
    assert.deepStrictEqual(Object.keys(api.progress.snapshot.documents.guide.cards), ['q:journaled'], 'the review in the journal comes back');
    assert.strictEqual(api.dueStatus.due, 0);
    await api.progress.load(); // what is stored now: the fresh start with the journaled review
    assert.deepStrictEqual(Object.keys(api.progress.snapshot.documents.guide.cards), ['q:journaled']);
    await api.progress.reset();
  });

  test('opening a topic marks it read; the dashboard draws sections and the forecast', async () => {
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'python/decorators');
    await waitFor(() => api.progress.document('guide').read['python/decorators'] ? true : undefined, 'the topic marked read');
    await vscode.commands.executeCommand('djangoPrep.showProgress');
    await waitFor(() => api.dashboard.html.includes('forecast-title') ? true : undefined, 'the dashboard');
    const html = api.dashboard.html;
    const sections = (await api.store.get())!.items.filter(i => i.kind === 'section').length;
    assert.strictEqual((html.match(/class="bar-read"/g) ?? []).length, sections);
    assert.match(html, /<span class="big">1\/\d+<\/span><span>topics read<\/span>/);
    assert.match(html, /Reviews due over the next 14 days: (\d+, ){13}\d+/);
    assert.doesNotMatch(html, /<script(?! nonce)/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
