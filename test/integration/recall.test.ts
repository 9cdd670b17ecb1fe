import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import type { Summary } from '../../src/core/cards/quiz';
import type { AskedQuestion } from '../../src/vscode/quiz/quizFlow';
import { waitFor, activated, testRandom } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DAY = 86_400_000;
let api: DjangoPrepApi;

/** Called once `asked` says the box is up with its rows (the workbench reported its active row). */
async function choose(index: number): Promise<void> {
  for (let i = 0; i < index; i++) { await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

const asked = (kind: string, phase: AskedQuestion['phase']) => waitFor(
  () => api.quiz.asked?.phase === phase && api.quiz.asked.question.kind === kind ? api.quiz.asked : undefined, `a ${kind} ${phase}`);

suite('Questions written in notes', () => {
  let dir: string;
  suiteSetup(async () => {
    api = await activated();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-recall-'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a notes file in several formats: a recall card and a task-list card answered, and the due count drops', async () => {
    // Every format in one file, as a user would keep them.
    const formats = ['mixed.md', 'qa-lines.md', 'obsidian-sr.md', 'task-list-quiz.md'];
    const notes = formats.map(f => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'notes-formats', f), 'utf8').replace(/^# .*\n/, '')).join('\n');
    const file = vscode.Uri.file(path.join(dir, 'notes.md'));
    fs.writeFileSync(file.fsPath, `# My notes\n\n${notes}`);
    await vscode.commands.executeCommand('djangoPrep.openDocument', file);
    await api.progress.reset();
    const active = await waitFor(async () => { const a = await api.decks.current(); return a?.key === file.toString() ? a : undefined; }, 'the notes deck');
    const kinds = new Map<string, number>();
    active.deck.forEach(c => kinds.set(c.kind ?? '?', (kinds.get(c.kind ?? '?') ?? 0) + 1));
    assert.ok((kinds.get('recall') ?? 0) >= 15, `recall cards from every format (${JSON.stringify([...kinds])})`);
    assert.ok((kinds.get('task-list') ?? 0) >= 2, 'task lists become choice cards');

    // One recall card and one single-answer task-list card, reviewed a week ago and due since yesterday.
    const recall = active.deck.find(c => c.kind === 'recall' && (c.build(testRandom()) as { answer?: string }).answer)!;
    const choice = active.deck.find(c => { const q = c.build(testRandom()); return c.kind === 'task-list' && q.kind === 'choice' && q.select === 'one'; })!;
    const now = Date.now();
    const saved = [now - DAY, 2, 5, 6, 0, 2, 0, 2, now - 7 * DAY];
    const progressFile = path.join(dir, 'due.json');
    fs.writeFileSync(progressFile, JSON.stringify({ version: 1, documents: { [file.toString()]: { read: {}, practised: {}, cards: { [recall.id]: saved, [choice.id]: saved } } } }));
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', vscode.Uri.file(progressFile), 'merge'), true);
    await waitFor(() => api.dueStatus.due === 2 ? true : undefined, 'two cards due');

    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { scope: { kind: 'due' }, length: 2 });
    for (let i = 0; i < 2; i++) {
      const q = await waitFor(() => api.quiz.asked?.phase === 'question' ? api.quiz.asked : undefined, 'a question');
      if (q.question.kind === 'recall') {
        assert.ok(api.quiz.quizCard.isOpen, 'the card is drawn beside');
        await choose(0); // Show the answer
        const rating = await asked('recall', 'feedback');
        assert.deepStrictEqual(rating.choices, ['Again', 'Hard', 'Good', 'Easy']);
        await choose(0); // "3 Good" is the active row
      } else {
        assert.strictEqual(q.question.kind, 'choice');
        const right = q.question.kind === 'choice' ? q.question.options.find(o => o.correct)!.text : '';
        await choose(q.choices.indexOf(right));
        await asked('choice', 'feedback');
        await choose(0); // Next
      }
      await waitFor(() => api.quiz.asked?.phase !== 'feedback' || api.quiz.summaryOpen ? true : undefined, 'the next step');
    }
    await waitFor(() => api.quiz.summaryOpen ? true : undefined, 'the summary');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const summary = await done;
    assert.deepStrictEqual([summary.answered, summary.right], [2, 2]);
    await waitFor(() => api.dueStatus.due === 0 ? true : undefined, 'no card due after both were answered');
    const cards = api.progress.document(file.toString()).cards;
    assert.ok([recall.id, choice.id].every(id => cards[id][0] > Date.now() + DAY), 'both are scheduled days ahead');
    await waitFor(() => !api.quiz.quizCard.isOpen ? true : undefined, 'the card closes with the quiz');
    assert.ok(vscode.window.tabGroups.all.every(g => g.tabs.length > 0) || vscode.window.tabGroups.all.length === 1, 'no empty editor group is left');
  });
});
