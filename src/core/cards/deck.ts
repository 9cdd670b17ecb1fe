// Everything a document can be quizzed on: the bank's questions for its topics, two generated
// cards per "Term: description" concept, and the questions written in the document itself.
import { CardSource, ConceptCardMaker, conceptCards } from './conceptCards';
import type { StudyDocument } from '../document/document';
import { noteCards, noteCardSources } from './noteCards';
import type { Question } from './questions';
import { inSlices } from '../util/slices';

/** The active document's deck and the key its progress is saved under. */
export interface ActiveDeck {
  readonly doc: StudyDocument;
  /** Progress key: `guide` for the bundled guide, the URI for a user's document. */
  readonly key: string;
  readonly deck: readonly CardSource[];
}

/** Where adapters get the active deck: a port, so they need not know who builds it. */
export interface DeckSource {
  /** The active document's progress key, known without building the deck. */
  readonly key: string;
  current(): Promise<ActiveDeck | undefined>;
}

export function bankCards(questions: readonly Question[]): CardSource[] {
  return questions.map(q => ({ id: `q:${q.id}`, topic: q.topic, kind: 'bank' as const, build: () => q }));
}

export function buildDeck(doc: StudyDocument, questions: readonly Question[] = []): CardSource[] {
  return [...bankCards(questionsOf(doc, questions)), ...conceptCards(doc), ...noteCards(doc)];
}

/** The same deck, made in slices so that a large document does not freeze the editor. */
export async function buildDeckInSlices(doc: StudyDocument, questions: readonly Question[] = [], sliceMs?: number): Promise<CardSource[]> {
  const maker = new ConceptCardMaker();
  await inSlices(doc.topics, t => maker.addTopic(t), sliceMs);
  const cards = bankCards(questionsOf(doc, questions));
  await inSlices(maker.termed, t => maker.addCards(t, cards), sliceMs);
  // A generator: each topic is read when reached, so a slice ends between two questions.
  await inSlices(noteCardSources(doc), c => cards.push(c), sliceMs);
  return cards;
}

/** The bank's questions on topics this document has. */
function questionsOf(doc: StudyDocument, questions: readonly Question[]): Question[] {
  const topics = new Set(doc.topics.map(t => t.id));
  return questions.filter(q => topics.has(q.topic));
}
