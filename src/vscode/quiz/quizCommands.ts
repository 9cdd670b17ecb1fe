// The commands that start a quiz: the only adapter that knows the quiz UI.
import * as vscode from 'vscode';
import type { StudyNode } from '../../core/document/document';
import type { QuizFlow, QuizRequest } from './quizFlow';

export function registerQuizCommands(quiz: QuizFlow): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('djangoPrep.startQuiz', (request?: QuizRequest) =>
      quiz.start(typeof request === 'object' && request !== null ? request : {})),
    vscode.commands.registerCommand('djangoPrep.quizTopic', (arg?: string | StudyNode) => {
      const node = typeof arg === 'object' ? arg : undefined;
      const topic = typeof arg === 'string' ? arg : node?.kind === 'concept' ? node.topic.id : node?.kind === 'topic' ? node.id : undefined;
      if (node?.kind === 'section') { return quiz.start({ scope: { kind: 'section', topics: node.topics.map(t => t.id) } }); }
      return quiz.start(topic ? { topic } : {});
    }),
  ];
}
