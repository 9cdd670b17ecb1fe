// The cards of the questions read from notes (document/noteQuestions.ts): an open question
// with its answer and key points, or a task-list quiz.
import { answerWithPoints } from '../document/keyPoints';
import type { NoteQuestion } from '../document/noteQuestions';
import type { Question } from './questions';

export type { NoteQuestion } from '../document/noteQuestions';

/** The question a card asks; its prompt and options are the notes' own markdown. */
export function noteQuestion(q: NoteQuestion, id: string, topic: string): Question {
  if (q.kind === 'choice') {
    return { kind: 'choice', id, topic, prompt: q.question, markdown: true, select: q.select ?? 'one', options: q.options ?? [], explanation: q.explanation ?? '' };
  }
  if (!q.answer) { return { kind: 'recall', id, topic, prompt: q.question, explanation: '' }; }
  const { body, points } = answerWithPoints(q.answer);
  return { kind: 'recall', id, topic, prompt: q.question, answer: body || undefined, keyPoints: points, explanation: '' };
}
