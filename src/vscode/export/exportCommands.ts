// "Export Cards for Anki..." and "Export Cards as CSV...": the active document's deck written
// where the reader chooses. Cancelling the dialog writes nothing; a failed write is reported.
import * as vscode from 'vscode';
import type { DeckSource } from '../../core/cards/deck';

type Format = 'anki' | 'csv';

const FORMATS: Record<Format, { title: string; ext: string; filter: Record<string, string[]>; suffix: string }> = {
  anki: { title: 'Export Cards for Anki', ext: 'txt', filter: { 'Anki text import': ['txt'] }, suffix: '-anki' },
  csv: { title: 'Export Cards as CSV', ext: 'csv', filter: { CSV: ['csv'] }, suffix: '-cards' },
};

export function registerExportCommands(decks: DeckSource): vscode.Disposable[] {
  return (['anki', 'csv'] as const).map(format => vscode.commands.registerCommand(
    format === 'anki' ? 'djangoPrep.exportAnki' : 'djangoPrep.exportCsv',
    /** With `target` (tests), writes there without a dialog. Gives the file written, or undefined. */
    (target?: unknown) => exportCards(decks, format, target instanceof vscode.Uri ? target : undefined),
  ));
}

async function exportCards(decks: DeckSource, format: Format, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const f = FORMATS[format];
  const active = await decks.current();
  if (!active) {
    void vscode.window.showWarningMessage('Django Prep: the study document could not be read, so there are no cards to export.');
    return undefined;
  }
  if (!active.deck.length) {
    void vscode.window.showInformationMessage('Django Prep: this document has no cards yet. Write questions or "Term: description" bullets in it first (Show Study Document Format lists every way).');
    return undefined;
  }
  const { slugify } = await import('../../core/util/text');
  const title = active.key === 'guide' ? 'Django Interview Prep' : (active.doc.title ?? 'My notes');
  const base = `${slugify(title)}${f.suffix}.${f.ext}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? await vscode.window.showSaveDialog({
    title: `Django Prep: ${f.title}`, saveLabel: 'Export', filters: f.filter,
    defaultUri: folder ? vscode.Uri.joinPath(folder, base) : undefined,
  });
  if (!uri) { return undefined; }
  const { exportNotes, toAnkiText, toCsv } = await import('../../core/cards/cardExport');
  const notes = exportNotes(active.doc, active.deck);
  const deckName = active.key === 'guide' ? 'Django Interview Prep' : `Django Interview Prep::${title.replace(/::/g, ':')}`;
  const text = format === 'anki' ? toAnkiText(notes, deckName) : toCsv(notes);
  const where = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(`Django Prep: the cards could not be written to ${where} (${e instanceof Error ? e.message : String(e)}). Nothing was exported.`);
    return undefined;
  }
  if (!target) {
    const how = format === 'anki' ? ' In Anki: File > Import, pick the file; the headers set the note type, deck and tags.' : '';
    void vscode.window.showInformationMessage(`Django Prep: ${notes.length} cards exported to ${where}.${how}`);
  }
  return uri;
}
