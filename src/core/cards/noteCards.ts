// Cards from the questions written in a document (see document/noteQuestions.ts for the formats): open
// questions the reader answers in their head and rates, and task-list quizzes to pick from.
import { topicClozes } from './clozeCards';
import type { CardSource } from './conceptCards';
import type { StudyDocument } from '../document/document';
import { topicQuestions } from '../document/noteQuestions';
import type { Question } from './questions';
import { noteQuestion } from './recallCards';
import { IdAllocator, slugify, stripInlineMarkdown } from '../util/text';

/**
 * Every question card of the document, in reading order, one at a time (a caller may run it
 * in slices). Ids are `recall:<topic id>/<slug of the question>` and `choice:<topic id>/<slug>`,
 * `-2`, `-3` for repeats within a topic: an edit elsewhere keeps them, and rewording the
 * question makes a new card with a fresh schedule. Cloze deletions (see clozeCards.ts) follow
 * each topic's questions as `cloze:<topic id>/<slug of their paragraph>-<n>`: recall questions
 * of their own card kind, so a scope can tell them apart.
 */
export function* noteCardSources(doc: StudyDocument): Generator<CardSource> {
  for (const topic of doc.topics) {
    const ids = new IdAllocator();
    for (const q of topicQuestions(topic)) {
      const prefix = q.kind === 'recall' ? 'recall' : 'choice';
      const id = ids.allocate(`${prefix}:${topic.id}/${slugify(stripInlineMarkdown(q.question))}`);
      let question: Question | undefined; // built when first asked: key points are read then
      yield { id, topic: topic.id, kind: q.kind === 'recall' ? 'recall' : 'task-list', line: q.line, build: () => question ??= noteQuestion(q, id, topic.id) };
    }
    for (const c of topicClozes(topic)) {
      const id = ids.allocate(`cloze:${topic.id}/${slugify(stripInlineMarkdown(c.text))}-${c.n}`);
      const question: Question = { kind: 'recall', id, topic: topic.id, prompt: c.prompt, answer: c.answer, explanation: '' };
      yield { id, topic: topic.id, kind: 'cloze', line: c.line, build: () => question };
    }
  }
}

export function noteCards(doc: StudyDocument): CardSource[] {
  return [...noteCardSources(doc)];
}
