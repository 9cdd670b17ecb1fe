// Show Cards in This Document in the real VS Code: the page lists a notes file's cards and the
// lines that gave none, and a line number opens the file at that line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { activated, waitFor } from './helpers';

const NOTES = [
  '# Notes', '## Django', '### ORM', '',
  'Q: What does select_related do?', 'A: It follows foreign keys with a JOIN.', '',
  '### Quiz', 'Which hook runs after a commit?', '- [ ] post_save', '- [x] transaction.on_commit', '',
  '### Open ends', 'Notes to sort out later.', 'Does the GIL matter for Gunicorn workers?',
].join('\n');

suite('Show Cards in This Document', () => {
  let api: DjangoPrepApi;
  let dir: string;
  suiteSetup(async () => {
    api = await activated();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-cards-'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('lists the cards and the lines that gave none; a line number opens the file there', async () => {
    const file = vscode.Uri.file(path.join(dir, 'notes.md'));
    fs.writeFileSync(file.fsPath, NOTES);
    await vscode.commands.executeCommand('djangoPrep.openDocument', file);
    await waitFor(async () => (await api.decks.current())?.key === file.toString(), 'the notes deck');
    await vscode.commands.executeCommand('djangoPrep.showCards');
    await waitFor(() => api.cardsPanel.isOpen && api.cardsPanel.html.includes('Cards in notes.md'), 'the cards page');
    const html = api.cardsPanel.html;
    assert.match(html, /id="summary">2 cards: 1 open question, 1 choice\. 1 line that asks something gave no card\./);
    assert.match(html, /<a href="#" data-line="4">5<\/a><\/td><td class="kind">Open question<\/td><td>What does select_related do\?<\/td><td class="answer">It follows foreign keys with a JOIN\.<\/td><td class="topic">ORM<\/td>/);
    assert.match(html, /data-line="8">9<\/a><\/td><td class="kind">Choice<\/td><td>Which hook runs after a commit\?<\/td><td class="answer">transaction\.on_commit<\/td>/);
    assert.match(html, /data-line="14">15<\/a><\/td><td>Does the GIL matter for Gunicorn workers\?<\/td><td>A plain line is not a question: [^<]*<\/td>/);
    // What the page sends when line 5 is clicked.
    await api.cardsPanel.receive({ type: 'openLine', line: 4 });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === file.toString() ? vscode.window.activeTextEditor : undefined, 'the notes file in an editor');
    assert.strictEqual(editor.selection.active.line, 4);
    // Nothing but a line number is taken from the page.
    await api.cardsPanel.receive({ type: 'openLine', line: -1 });
    await api.cardsPanel.receive({ type: 'openFile', path: '/etc/passwd' });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
  });

  test('a notes file in the wild: the page lists its expected cards at their lines', async () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'notes-in-the-wild');
    const file = vscode.Uri.file(path.join(dir, 'interview-section.md'));
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'interview-section.expected.json'), 'utf8')) as { cards: Array<{ line: number; kind: string }> };
    await vscode.commands.executeCommand('djangoPrep.openDocument', file);
    await waitFor(async () => (await api.decks.current())?.key === file.toString(), 'the fixture deck');
    await vscode.commands.executeCommand('djangoPrep.showCards');
    await waitFor(() => api.cardsPanel.html.includes('Cards in interview-section.md'), 'its cards page');
    const html = api.cardsPanel.html;
    const listed = [...html.matchAll(/<tr><td class="line"><a href="#" data-line="(\d+)">\d+<\/a><\/td><td class="kind">(Open question|Choice|Cloze)<\/td>/g)].map(m => Number(m[1]));
    // The expected lines are numbered from 1, as an editor shows them; the page's links from 0.
    assert.deepStrictEqual(listed, expected.cards.map(c => c.line - 1), 'every expected card, at its line, in order');
  });
});
