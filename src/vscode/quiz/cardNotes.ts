// Notes typed on cards, kept in globalState per document and card: the quiz and the mock
// interview read and save them through this one place, so a note typed in one comes back in
// the other.
import type * as vscode from 'vscode';
import { noteKey, parseNotes, RECALL_NOTES_KEY, withNote } from '../../core/cards/recallNotes';

export class CardNotes {
  constructor(private readonly memento: vscode.Memento | undefined) {}

  /** The notes saved on `cardIds` of document `docKey`, by card id. */
  saved(docKey: string, cardIds: Iterable<string>): Map<string, string> {
    const book = parseNotes(this.memento?.get(RECALL_NOTES_KEY));
    const out = new Map<string, string>();
    for (const id of cardIds) {
      const note = book[noteKey(docKey, id)];
      if (note) { out.set(id, note.text); }
    }
    return out;
  }

  /** Saves `text` on the card (an empty text removes the note). */
  async save(docKey: string, cardId: string, text: string, at: number): Promise<void> {
    await this.memento?.update(RECALL_NOTES_KEY, withNote(parseNotes(this.memento.get(RECALL_NOTES_KEY)), noteKey(docKey, cardId), text, at));
  }
}
