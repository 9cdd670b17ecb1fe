// The interview date in the real editor: refused and accepted dates, the status bar, the cap on
// a real review, readiness on the dashboard, another window's change, the passed-date question;
// and both export files read back with a CSV parser and checked against their format.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'csv-parse/sync';
import type { DjangoPrepApi } from '../../src/extension';
import type { Summary } from '../../src/core/cards/quiz';
import type { AskedQuestion } from '../../src/vscode/quiz/quizFlow';
import { askAboutPassedDate } from '../../src/vscode/interview/interviewCommands';
import { addDays, dayOf } from '../../src/core/schedule/interviewDate';
import { deadlineOf } from '../../src/core/schedule/studyPlan';
import { waitFor, activated, testRandom } from './helpers';

const DAY = 86_400_000;
let api: DjangoPrepApi;

/** What another window does: write the shared globalState directly. */
const memento = () => (api.interview.dates as unknown as { memento: vscode.Memento }).memento;
const statusText = () => api.dueStatus.text ?? '';

/** Called once `asked` says the box is up with its rows (the workbench reported its active row). */
async function choose(index: number): Promise<void> {
  for (let i = 0; i < index; i++) { await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}
const asked = (phase: AskedQuestion['phase']) => waitFor(() => api.quiz.asked?.phase === phase ? api.quiz.asked : undefined, `the quiz ${phase}`);

suite('Interview date and card export', () => {
  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
    await api.interview.dates.set(undefined);
  });

  suiteTeardown(async () => {
    await api.interview.dates.set(undefined);
    await api.progress.reset();
  });

  test('refuses a past date, today and a date not on the calendar, keeping what was set', async () => {
    const today = dayOf(new Date());
    for (const bad of [addDays(today, -1), today, '2027-02-30', 'next-ish']) {
      assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.setInterviewDate', bad), undefined, bad);
      assert.strictEqual(api.interview.dates.date, undefined, `${bad} stored nothing`);
    }
    const ten = addDays(today, 10);
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.setInterviewDate', ten), ten);
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.setInterviewDate', addDays(today, -3)), undefined);
    assert.strictEqual(api.interview.dates.date, ten, 'a refused date leaves the one set');
    assert.strictEqual(memento().get('djangoPrep.interviewDate'), ten, 'kept in globalState, where Settings Sync carries it');
  });

  test('the status bar shows today\'s work and the days left; the plan covers every unseen card', async () => {
    const today = dayOf(new Date());
    await vscode.commands.executeCommand('djangoPrep.setInterviewDate', addDays(today, 10));
    await waitFor(() => /^\$\(mortar-board\) \d+ today · 10 days$/.test(statusText()) ? true : undefined, 'the plan in the status bar');
    const plan = api.interview.current!;
    const deck = (await api.decks.current())!.deck;
    assert.strictEqual(plan.unseen, deck.length - Object.keys(api.progress.document('guide').cards).length);
    assert.strictEqual(plan.days.reduce((n, d) => n + d.newCards, 0), plan.unseen, 'every unseen card has a day');
    assert.strictEqual(plan.finishBy, addDays(today, 8));
    assert.match(statusText(), new RegExp(`^\\$\\(mortar-board\\) ${plan.todayWork} today`));
  });

  test('a review made three days before the interview comes back before it', async () => {
    const date = addDays(dayOf(new Date()), 3);
    await vscode.commands.executeCommand('djangoPrep.setInterviewDate', date);
    // A question with one right choice, chosen rather than drawn: a draw could bring a typed
    // question, an order, or a choice of several (Enter on one row of those answers nothing).
    const deck = (await api.decks.current())!.deck;
    const single = deck.find(c => {
      if (c.topic !== 'python/decorators') { return false; }
      const q = c.build(testRandom());
      return (q.kind === 'choice' && q.select === 'one') || q.kind === 'truefalse' || q.kind === 'output';
    });
    assert.ok(single, 'the topic has a question with one right choice');
    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { cards: [single.id], length: 1 });
    const q = await asked('question');
    const right = q.question.kind === 'choice' ? q.choices.indexOf(q.question.options.find(o => o.correct)!.text)
      : q.question.kind === 'truefalse' ? q.choices.indexOf(q.question.answer ? 'True' : 'False')
        : q.question.kind === 'output' ? q.choices.indexOf(q.question.output) : -1;
    assert.ok(right >= 0, 'a question with choices came up');
    await choose(right);
    await asked('feedback');
    await choose(1); // That was easy: without the date FSRS would wait about a week
    await waitFor(() => api.quiz.summaryOpen ? true : undefined, 'the summary');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
    // The only card reviewed since the reset (a bank question or a concept card of the topic).
    const card = await waitFor(() => { const saved = Object.values(api.progress.document('guide').cards); return saved.length === 1 ? saved[0] : undefined; }, 'the review saved');
    assert.strictEqual(card[5], 1);
    assert.ok(card[0] <= deadlineOf(date)!.latestDue, `due ${new Date(card[0]).toString()}, not after the day before ${date}`);
    assert.ok(card[0] > Date.now() + 0.5 * DAY);
  });

  test('the dashboard shows readiness on the day, per section, and the plan', async () => {
    const ten = addDays(dayOf(new Date()), 10);
    await vscode.commands.executeCommand('djangoPrep.setInterviewDate', ten);
    await vscode.commands.executeCommand('djangoPrep.showProgress');
    // The page drawn for this date (a page drawn for an earlier one has readiness too).
    await waitFor(() => api.dashboard.html.includes(`class="readiness" data-date="${ten}"`) ? true : undefined, 'readiness for the date on the dashboard');
    await api.dashboard.whenDrawn();
    const html = api.dashboard.html;
    const sections = (await api.store.get())!.items.filter(i => i.kind === 'section').length;
    assert.strictEqual((html.match(/class="bar-ready"/g) ?? []).length, sections);
    assert.strictEqual((html.match(/class="bar-new"/g) ?? []).length, 10);
    assert.match(html, /Predicted recall on the day if you stopped reviewing now: <strong>\d+%<\/strong>/);
    // Clearing the date takes the section away.
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.setInterviewDate', ''), null);
    await waitFor(() => !api.dashboard.html.includes('readiness-title') ? true : undefined, 'readiness gone');
    await waitFor(() => / due$/.test(statusText()) ? true : undefined, 'the due count back in the status bar');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the dashboard follows a new date even when the draw for the old one finishes last', async () => {
    const today = dayOf(new Date());
    const [three, ten] = [addDays(today, 3), addDays(today, 10)];
    const bars = () => (api.dashboard.html.match(/class="bar-new"/g) ?? []).length;
    await vscode.commands.executeCommand('djangoPrep.setInterviewDate', three);
    await vscode.commands.executeCommand('djangoPrep.showProgress');
    await waitFor(() => api.dashboard.html.includes(`data-date="${three}"`) ? true : undefined, 'the page for the first date');
    // A part of the page that is slow once: the next draw reads the plan for the first date,
    // then is held here until the date has changed and the page was asked to draw again.
    let held: (() => void) | undefined;
    let reached!: () => void;
    const inside = new Promise<void>(resolve => { reached = resolve; });
    const slow = api.dashboard.addSection(async () => {
      if (!held) { await new Promise<void>(release => { held = release; reached(); }); }
      return '';
    });
    try {
      const first = api.dashboard.refresh();
      await inside;
      assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.setInterviewDate', ten), ten);
      held!();
      await first;
      await api.dashboard.whenDrawn();
      assert.strictEqual(api.interview.current?.days.length, 10);
      assert.strictEqual(bars(), 10, 'the page shows the plan for the date set last');
      assert.ok(api.dashboard.html.includes(`data-date="${ten}"`));
    } finally {
      slow.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    // A closed page has no HTML to read (a test could otherwise read a page drawn earlier).
    await waitFor(() => !api.dashboard.isOpen && api.dashboard.html === '' ? true : undefined, 'the closed page to have no HTML');
  });

  test('a date set in another window is taken up when this one gets focus again', async () => {
    const today = dayOf(new Date());
    await vscode.commands.executeCommand('djangoPrep.setInterviewDate', addDays(today, 10));
    await memento().update('djangoPrep.interviewDate', addDays(today, 20));
    api.interview.dates.recheck(); // what regaining focus does
    await waitFor(() => / · 20 days$/.test(statusText()) ? true : undefined, 'the other window\'s date');
    // A damaged value from elsewhere reads as no date and loses nothing else.
    await memento().update('djangoPrep.interviewDate', '2027-02-30');
    api.interview.dates.recheck();
    await waitFor(() => api.interview.current === undefined ? true : undefined, 'no plan for a damaged date');
    assert.strictEqual(api.interview.dates.date, undefined);
  });

  test('asks about a passed date at startup, and dismissing keeps it', async () => {
    const today = dayOf(new Date());
    await api.interview.dates.set(addDays(today, 5));
    assert.strictEqual(await askAboutPassedDate(api.interview), undefined, 'a date ahead is not asked about');
    await memento().update('djangoPrep.interviewDate', addDays(today, -2));
    api.interview.dates.recheck();
    // Cleared once the question was sent: the workbench shows it before it runs the command (one channel, in order).
    let asked!: () => void;
    const sent = new Promise<void>(resolve => { asked = resolve; });
    const asking = askAboutPassedDate(api.interview, undefined, asked);
    await sent;
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(await asking, 'dismissed');
    assert.strictEqual(api.interview.dates.date, addDays(today, -2));
    assert.strictEqual(api.interview.current, undefined, 'no plan after the day');
    await api.interview.dates.set(undefined);
  });

  test('exports the cards for Anki and as CSV, files that read back to the format', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-export-'));
    const deck = (await api.decks.current())!.deck;
    const anki = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.exportAnki', vscode.Uri.file(path.join(dir, 'cards.txt')));
    const text = fs.readFileSync(anki.fsPath, 'utf8');
    const lines = text.split('\n');
    const headers = lines.filter(l => l.startsWith('#')).slice(0, 6);
    assert.deepStrictEqual(headers, ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#deck column:4', '#guid column:5']);
    const rows = parse(lines.slice(6).join('\n'), { delimiter: '\t' }) as string[][];
    assert.strictEqual(rows.length, deck.length, 'one note per card');
    assert.ok(rows.every(r => r.length === 5), 'five columns in every note');
    assert.ok(rows.every(r => /^django-prep::[\p{L}\p{N}-]+::[\p{L}\p{N}-]+$/u.test(r[2])), 'tags by section and topic, no spaces');
    assert.ok(rows.every(r => r[3] === 'Django Interview Prep'));
    assert.strictEqual(new Set(rows.map(r => r[4])).size, rows.length, 'unique GUIDs');
    const withCode = deck.map((c, i) => ({ q: c.build(() => 0.5), row: rows[i] })).filter(x => x.q.code);
    assert.ok(withCode.length > 10);
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const { q, row } of withCode) {
      const code = /<pre><code class="language-python">([\s\S]*?)<\/code><\/pre>/.exec(row[0]);
      assert.strictEqual(code && unescape(code[1]), q.code!.replace(/\n$/, ''), `${q.id}: the code kept as code`);
    }

    const csv = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.exportCsv', vscode.Uri.file(path.join(dir, 'cards.csv')));
    const records = parse(fs.readFileSync(csv.fsPath, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.strictEqual(records.length, deck.length);
    assert.deepStrictEqual(Object.keys(records[0]), ['id', 'kind', 'section', 'topic', 'front', 'back', 'tags']);
    assert.deepStrictEqual(records.map(r => r.id), deck.map(c => c.id));

    // A place that cannot be written: reported, nothing half-written elsewhere, undefined back.
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.exportCsv', vscode.Uri.file(path.join(blocker, 'cards.csv'))), undefined);
  });
});
