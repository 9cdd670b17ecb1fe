// The mock interview on the quiz card: the question or the model answer, with the session
// clock, the question's countdown, and words for what to do. No VS Code here.
import { answerCard, Markdown, questionCard } from '../cards/cardView';
import type { CardView, CoverageView } from '../messages';
import type { MockClock, MockQuestion } from './mockInterview';
import { Rating } from '../schedule/scheduler';

export function interviewCard(q: MockQuestion, topic: string, revealed: boolean, clock: MockClock, md: Markdown, notes?: string, coverage?: CoverageView): CardView {
  const heading = `Mock interview · Question ${q.number}`;
  const sub = q.followUp ? `${topic} · a follow-up` : topic;
  const interview = { ...clock, followUp: q.followUp };
  if (!revealed) {
    return {
      ...questionCard(heading, sub, q.question, md, notes), interview,
      hint: 'Answer out loud as you would to an interviewer, or type notes. Done (Space) shows the model answer; P pauses, S skips, Escape stops.',
    };
  }
  const shown = { correct: false, rating: Rating.Again, right: [], explanation: q.question.explanation } as const;
  const card = answerCard(heading, sub, q.question, shown, md, notes, coverage);
  return {
    ...card, interview,
    hint: coverage ? `${card.hint.replace(/ Escape stops\.$/, '')} S skips without a rating; Escape stops (the report keeps what you answered).`
      : 'How well did you answer? 1 Again · 2 Hard · 3 Good · 4 Easy. S skips without a rating; Escape stops (the report keeps what you answered).',
  };
}
