// Feedback on a typed answer, for the quiz card and the mock interview alike: the offline grade
// at once, then, when the reader opted in to an AI interviewer, the model's grade in its place.
import type * as vscode from 'vscode';
import type { Coverage } from '../../core/feedback/grader';
import type { KeyPoint } from '../../core/document/keyPoints';
import type { GradedBy } from '../../core/feedback/coverageView';
import type { Question } from '../../core/cards/questions';
import type { InterviewerOutcome, InterviewerRequest } from '../../core/feedback/interviewerReply';

/** The AI interviewer as this file needs it (interviewer.ts). */
export interface InterviewerPort {
  readonly enabled: boolean;
  grade(request: InterviewerRequest, cancel?: vscode.CancellationToken): Promise<InterviewerOutcome>;
}

export interface Graded {
  readonly coverage: Coverage;
  readonly by: GradedBy;
  /** The points the answer missed. */
  readonly missed: readonly KeyPoint[];
}

type Recall = Question & { kind: 'recall' };

export class AnswerFeedback {
  private warm = false;

  constructor(private readonly interviewer: InterviewerPort) {}

  /** Whether the model will be asked after the offline grade. */
  get asksModel(): boolean { return this.interviewer.enabled; }

  /** The offline grade: word matching, on this machine. Undefined when there is nothing to grade. */
  async offline(q: Question, answer: string | undefined): Promise<Graded | undefined> {
    const points = q.kind === 'recall' ? q.keyPoints : undefined;
    if (!answer?.trim() || !points?.length) { return undefined; }
    const [{ gradeAnswer }, { OFFLINE_NOTE }] = await Promise.all([import('../../core/feedback/grader'), import('../../core/feedback/coverageView')]);
    // Loading the grader's libraries and the first grade are two separate blocks of the host.
    if (!this.warm) { this.warm = true; await new Promise(resolve => setImmediate(resolve)); }
    const coverage = gradeAnswer(answer, points);
    return { coverage, by: { grader: 'Offline grader', note: OFFLINE_NOTE }, missed: points.filter((_, i) => !coverage.points[i].covered) };
  }

  /** The offline grade as shown while the model is asked. */
  pending(offline: Graded): Graded {
    return { ...offline, by: { ...offline.by, note: 'Asking the interviewer model… this is the offline grade until it answers.' } };
  }

  /**
   * The model's grade, when the reader opted in: its covered points (only the card's own), its
   * feedback and follow-up. A failure keeps `offline`, with a note saying why.
   */
  async withModel(q: Recall, answer: string, offline: Graded, cancel?: vscode.CancellationToken): Promise<Graded | undefined> {
    const points = q.keyPoints ?? [];
    const outcome = await this.interviewer.grade({ question: q.prompt, modelAnswer: q.answer ?? '', points, answer }, cancel);
    if (outcome.kind === 'off') { return undefined; }
    if (outcome.kind === 'failed') {
      return { ...offline, by: { ...offline.by, note: `${capitalize(outcome.why)}: this is the offline grade. ${offline.by.note}` } };
    }
    const covered = new Set(outcome.result.verdict.covered);
    const results = points.map((p, i) => ({ text: p.text, covered: covered.has(i) }));
    const coverage: Coverage = { points: results, covered: covered.size, total: points.length, spans: offline.coverage.spans };
    return {
      coverage,
      by: {
        grader: `Graded by ${outcome.model}`,
        note: `A language model's judgement: check it against the model answer. Marked words are the offline grader's matches.`,
        feedback: outcome.result.verdict.feedback,
        followUp: outcome.result.verdict.followUp,
      },
      missed: points.filter((_, i) => !covered.has(i)),
    };
  }
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
