// The command that starts a mock interview (palette, Topics view title, walkthrough).
import * as vscode from 'vscode';
import type { MockInterviewFlow, MockRequest } from './mockInterviewFlow';

export function registerMockInterviewCommands(flow: MockInterviewFlow): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('djangoPrep.startMockInterview', (request?: MockRequest) =>
      flow.start(typeof request === 'object' && request !== null ? request : {})),
  ];
}
