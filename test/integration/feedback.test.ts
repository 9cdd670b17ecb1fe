// A typed answer on a recall card in the real VS Code: the card shows its key points covered,
// pre-selects the suggested rating, the rating is taken on the card, and the review log keeps
// the coverage. In a mock interview the report and the saved history carry it too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import type { Summary } from '../../src/core/cards/quiz';
import { reviews } from '../../src/core/study/reviewLog';
import { activated, SELECT_RELATED_NOTES, waitFor } from './helpers';


suite('Feedback on typed answers', () => {
  let api: DjangoPrepApi;
  let dir: string;
  suiteSetup(async () => {
    api = await activated();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-feedback-'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a typed answer gives "N of M key points", a pre-selected rating taken on the card, and a log entry with the coverage', async () => {
    const file = vscode.Uri.file(path.join(dir, 'notes.md'));
    fs.writeFileSync(file.fsPath, SELECT_RELATED_NOTES);
    await vscode.commands.executeCommand('djangoPrep.openDocument', file);
    await api.progress.reset();
    await waitFor(async () => (await api.decks.current())?.key === file.toString(), 'the notes deck');
    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { scope: { kind: 'open' }, length: 1 });
    const asked = await waitFor(() => api.quiz.asked?.phase === 'question' && api.quiz.asked.question.kind === 'recall' ? api.quiz.asked : undefined, 'the recall question');
    assert.strictEqual(asked.question.kind === 'recall' && asked.question.keyPoints?.length, 3, 'the written key points are on the card');
    const card = api.quiz.quizCard;
    // What the page sends when the reader types, then presses Space.
    await card.act({ type: 'notes', rev: card.current, text: 'select_related does a join, all in a single query' });
    await card.act({ type: 'reveal', rev: card.current });
    const graded = await waitFor(() => api.quiz.asked?.phase === 'feedback' ? api.quiz.asked.graded : undefined, 'the graded answer');
    assert.deepStrictEqual([graded.coverage.covered, graded.coverage.total], [2, 3]);
    assert.deepStrictEqual(graded.coverage.points.map(p => p.covered), [true, true, false]);
    assert.strictEqual(graded.suggested, 2, 'two of three points suggest Hard');
    assert.strictEqual(graded.grader, 'Offline grader');
    // Enter on the card takes the suggestion: the page sends the pre-selected rating.
    await card.act({ type: 'rate', rev: card.current, rating: graded.suggested });
    await waitFor(() => api.quiz.summaryOpen, 'the summary');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const summary = await done;
    assert.strictEqual(summary?.answered, 1);
    const logged = await waitFor(() => [...reviews(api.progress.history.snapshot)].find(r => r.document === file.toString()), 'the review in the log');
    assert.strictEqual(logged.rating, 2);
    assert.deepStrictEqual(logged.coverage, { covered: 2, total: 3 });
  });

  test('an answer with nothing typed behaves as before: no coverage, rated in the box', async () => {
    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { scope: { kind: 'open' }, length: 1 });
    await waitFor(() => api.quiz.asked?.phase === 'question' && api.quiz.asked.question.kind === 'recall', 'the recall question');
    const card = api.quiz.quizCard;
    await card.act({ type: 'reveal', rev: card.current });
    const feedback = await waitFor(() => api.quiz.asked?.phase === 'feedback' ? api.quiz.asked : undefined, 'the rating');
    assert.strictEqual(feedback.graded, undefined);
    await card.act({ type: 'rate', rev: card.current, rating: 3 });
    await waitFor(() => api.quiz.summaryOpen, 'the summary');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual((await done)?.answered, 1);
  });

  test('a mock interview keeps the coverage of a typed answer in its history and report', async () => {
    const done = api.mockInterview.start({ minutes: 15, focus: 'all', followUpChance: 0 });
    await waitFor(() => api.mockInterview.state, 'the first question');
    await api.mockInterview.act({ type: 'notes', rev: 0, text: 'it follows the foreign key with a join and only works for a ForeignKey or OneToOne' });
    await api.mockInterview.act({ type: 'reveal', rev: 0 });
    const graded = await waitFor(() => api.mockInterview.graded, 'the grade');
    assert.deepStrictEqual([graded.coverage.covered, graded.coverage.total], [2, 3]);
    await api.mockInterview.act({ type: 'rate', rev: 0, rating: 2 });
    const result = await done;
    assert.deepStrictEqual(result?.answers[0].coverage && [result.answers[0].coverage.covered, result.answers[0].coverage.total], [2, 3]);
    assert.deepStrictEqual(result?.answers[0].coverage?.missed.map(p => p.text), ['One query instead of many']);
    const saved = api.progress.snapshot.mockInterviews?.at(-1);
    assert.deepStrictEqual(saved?.questions[0].slice(5), [2, 3], 'the history keeps covered and total');
    await waitFor(() => api.mockReport.isOpen, 'the report');
  });
});
