// The bundled question bank (content/questions/*.json), read once and validated against the guide.
import * as vscode from 'vscode';
import type { StudyDocument } from '../../core/document/document';
import { Bank, loadBank } from '../../core/cards/questions';

export const QUESTIONS_DIR = ['content', 'questions'];

export class QuestionBank {
  private loading: Promise<Bank> | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: (line: string) => void) {}

  /** Questions whose topic exists in the bundled guide; problems are logged, not shown. */
  get(guide: StudyDocument): Promise<Bank> {
    this.loading ??= this.load(guide);
    return this.loading;
  }

  private async load(guide: StudyDocument): Promise<Bank> {
    const dir = vscode.Uri.joinPath(this.extensionUri, ...QUESTIONS_DIR);
    const files: Array<{ name: string; json: unknown }> = [];
    let entries: Array<[string, vscode.FileType]> = [];
    try { entries = await vscode.workspace.fs.readDirectory(dir); } catch { /* no bank: concept cards only */ }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (type !== vscode.FileType.File || !name.endsWith('.json')) { continue; }
      try {
        files.push({ name, json: JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)))) });
      } catch (e) {
        files.push({ name, json: undefined });
        this.log(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const topics = new Set(guide.topics.map(t => t.id));
    const bank = loadBank(files, id => topics.has(id));
    bank.problems.forEach(p => this.log(`question bank: ${p}`));
    return bank;
  }
}
