// A read-only markdown document beside the quiz: the whole question, its code, and after the
// answer the explanation, where a QuickPick would cut long text to one line.
import * as vscode from 'vscode';
import type { Question } from '../../core/questions';
import type { Outcome } from '../../core/quiz';
import { Disposable } from '../disposable';

export const QUIZ_SCHEME = 'djangoprep-quiz';
const CARD_URI = vscode.Uri.from({ scheme: QUIZ_SCHEME, path: '/Quiz.md' });

export class QuizCard extends Disposable implements vscode.TextDocumentContentProvider {
  private text = '';
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(QUIZ_SCHEME, this));
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  showQuestion(title: string, q: Question): Promise<void> {
    return this.show([`# ${title}`, '', q.prompt, ...code(q), '', hint(q)].join('\n'));
  }

  showFeedback(title: string, q: Question, o: Outcome): Promise<void> {
    const lines = [`# ${title}`, '', q.prompt, ...code(q), '', `## ${o.correct ? '✓ Right' : '✗ Not quite'}`, ''];
    if (!o.correct) {
      lines.push(q.kind === 'order' ? 'The order is:' : 'The answer:', '', ...o.right.map((r, i) => q.kind === 'order' ? `${i + 1}. ${r}` : `- ${r}`), '');
    }
    lines.push(o.explanation, '');
    if (q.kind === 'choice') {
      lines.push(...q.options.map(opt => `- ${opt.correct ? '✓' : '✗'} ${opt.text} — ${opt.why}`));
    }
    return this.show(lines.join('\n'));
  }

  showSummary(headline: string, revisit: readonly string[]): Promise<void> {
    const lines = ['# Quiz finished', '', headline, ''];
    if (revisit.length) { lines.push('Topics to revisit:', '', ...revisit.map(t => `- ${t}`)); }
    return this.show(lines.join('\n'));
  }

  private async show(text: string): Promise<void> {
    this.text = text + '\n';
    const open = vscode.workspace.textDocuments.some(d => d.uri.toString() === CARD_URI.toString());
    this.changed.fire(CARD_URI);
    if (!open || !this.visible()) {
      const doc = await vscode.workspace.openTextDocument(CARD_URI);
      await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    }
  }

  private visible(): boolean {
    return vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === CARD_URI.toString());
  }

  async close(): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs)
      .filter(t => t.input instanceof vscode.TabInputText && t.input.uri.toString() === CARD_URI.toString());
    if (!tabs.length) { return; }
    const groups = new Set(tabs.map(t => t.group));
    await vscode.window.tabGroups.close(tabs);
    // The card opened its own group beside; leave no empty group behind.
    const empty = vscode.window.tabGroups.all.filter(g => groups.has(g) && g.tabs.length === 0);
    if (empty.length && vscode.window.tabGroups.all.length > empty.length) { await vscode.window.tabGroups.close(empty); }
  }
}

function code(q: Question): string[] {
  return q.code ? ['', '```python', q.code.replace(/\n$/, ''), '```'] : [];
}

function hint(q: Question): string {
  switch (q.kind) {
    case 'choice': return q.select === 'many' ? '_Select all that apply in the box above._' : '_Pick one answer in the box above._';
    case 'truefalse': return '_True or false?_';
    case 'output': return '_What does this print? Pick it in the box above._';
    case 'typed': return '_Type the answer in the box above._';
    case 'order': return '_Pick the steps in order, first to last._';
    case 'recall': return ''; // TODO(recall UI): the flow skips recall cards until it can ask them.
  }
}
