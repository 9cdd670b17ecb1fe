// The active document's quiz deck and its progress key, rebuilt only when the document changes.
import type { ActiveDeck, DeckSource } from '../../core/cards/deck';
import type { StudyDocument } from '../../core/document/document';
import { GUIDE_KEY } from '../../core/study/progress';
import type { DocumentStore } from '../documentStore';
import type { QuestionBank } from './questionBank';

export class StudyDeck implements DeckSource {
  private cached: { doc: StudyDocument; value: Promise<ActiveDeck> } | undefined;

  constructor(private readonly store: DocumentStore, private readonly bank: QuestionBank) {}

  get key(): string {
    return this.store.isBundled ? GUIDE_KEY : this.store.uri.toString();
  }

  async current(): Promise<ActiveDeck | undefined> {
    const doc = await this.store.get();
    if (!doc) { return undefined; }
    if (this.cached?.doc !== doc) {
      const key = this.key;
      const bundled = this.store.isBundled;
      this.cached = { doc, value: this.build(doc, key, bundled) };
    }
    return this.cached.value;
  }

  private async build(doc: StudyDocument, key: string, bundled: boolean): Promise<ActiveDeck> {
    const { buildDeckInSlices } = await import('../../core/cards/deck');
    const questions = bundled ? (await this.bank.get(doc)).questions : [];
    return { doc, key, deck: await buildDeckInSlices(doc, questions) };
  }
}
