// Everything a document can be quizzed on: the bank's questions for its topics, and two
// generated cards per "Term: description" concept.
import { CardSource, conceptCards } from './conceptCards';
import type { StudyDocument } from './document';
import type { Question } from './questions';

export function bankCards(questions: readonly Question[]): CardSource[] {
  return questions.map(q => ({ id: `q:${q.id}`, topic: q.topic, build: () => q }));
}

export function buildDeck(doc: StudyDocument, questions: readonly Question[] = []): CardSource[] {
  const topics = new Set(doc.topics.map(t => t.id));
  return [...bankCards(questions.filter(q => topics.has(q.topic))), ...conceptCards(doc)];
}
