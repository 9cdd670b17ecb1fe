// The AI interviewer: a language model the editor offers through VS Code's Language Model API
// (Copilot, or any extension's chat provider), used only after the reader opts in. It grades
// against the card's key points and asks a follow-up; any failure leaves the offline grade.
import * as vscode from 'vscode';
import type { InterviewerOutcome, InterviewerRequest } from '../../core/feedback/interviewerReply';
import { pick, type PickItem } from '../quickInput';

const SECTION = 'djangoPrep.interviewer';
/** A model that has not answered in this long is given up on (the offline grade stands). */
export const REPLY_TIMEOUT_MS = 10_000;

export class Interviewer {
  /** Whether the reader opted in (the setting). */
  get enabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('enabled', false);
  }

  /** The chosen model's id ("vendor/id"), or '' for the first one offered. */
  get chosen(): string {
    return vscode.workspace.getConfiguration(SECTION).get<string>('model', '');
  }

  /** "Choose Interviewer Model...": the models VS Code offers, and the offline grader. */
  async choose(): Promise<boolean> {
    const models = await vscode.lm.selectChatModels();
    const current = this.enabled ? this.chosen : '';
    const items: PickItem<vscode.LanguageModelChat | 'offline'>[] = [
      { label: '$(circle-slash) Offline grader only', description: current ? '' : 'current', detail: 'Word matching on this machine; nothing is sent anywhere.', value: 'offline' },
      ...models.map(m => ({
        label: m.name, description: `${m.vendor}${current === idOf(m) ? ' · current' : ''}`, value: m,
        detail: 'The question, the model answer, its key points and your typed answer are sent to this model.',
      })),
    ];
    const result = await pick({
      title: 'Django Prep: Choose Interviewer Model',
      placeholder: models.length ? 'Which model grades typed answers and asks follow-ups?' : 'No language model is available in this editor: the offline grader is used',
      items, ignoreFocusOut: false,
    });
    const chosen = result.kind === 'items' ? (result.items[0] as PickItem<vscode.LanguageModelChat | 'offline'> | undefined)?.value : undefined;
    if (!chosen) { return false; }
    const model = chosen === 'offline' ? undefined : chosen;
    const config = vscode.workspace.getConfiguration(SECTION);
    await config.update('model', model ? idOf(model) : '', vscode.ConfigurationTarget.Global);
    await config.update('enabled', !!model, vscode.ConfigurationTarget.Global);
    return true;
  }

  /** Asks the chosen model to grade; never throws, never waits more than REPLY_TIMEOUT_MS. */
  async grade(request: InterviewerRequest, cancel?: vscode.CancellationToken): Promise<InterviewerOutcome> {
    if (!this.enabled) { return { kind: 'off' }; }
    const model = await this.model();
    if (!model) { return { kind: 'failed', model: 'the interviewer model', why: 'no language model is available' }; }
    const name = model.name;
    const { interviewerPrompt, parseInterviewerReply } = await import('../../core/feedback/interviewerReply');
    const { instructions, material } = interviewerPrompt(request);
    const source = new vscode.CancellationTokenSource();
    const relay = cancel?.onCancellationRequested(() => source.cancel());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(resolve => { timer = setTimeout(() => { source.cancel(); resolve('timeout'); }, REPLY_TIMEOUT_MS); });
    try {
      const asked = (async () => {
        const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(`${instructions}\n\n${material}`)], {
          justification: 'Django Interview Prep sends your typed answer, the question and its key points to grade it, because you turned the AI interviewer on.',
        }, source.token);
        let text = '';
        for await (const part of response.text) {
          text += part;
          if (text.length > 20_000) { break; }
        }
        return text;
      })();
      const text = await Promise.race([asked, timeout]);
      if (text === 'timeout') { return { kind: 'failed', model: name, why: `${name} did not answer within ${REPLY_TIMEOUT_MS / 1000} s` }; }
      if (cancel?.isCancellationRequested) { return { kind: 'failed', model: name, why: 'grading was cancelled' }; }
      const result = parseInterviewerReply(text, request.points.length);
      return result.ok ? { kind: 'graded', model: name, result } : { kind: 'failed', model: name, why: result.reason };
    } catch (e) {
      const why = e instanceof vscode.LanguageModelError ? `${name} refused (${e.code || e.message})` : `${name} failed (${e instanceof Error ? e.message : String(e)})`;
      return { kind: 'failed', model: name, why: source.token.isCancellationRequested && !cancel?.isCancellationRequested ? `${name} did not answer within ${REPLY_TIMEOUT_MS / 1000} s` : why };
    } finally {
      clearTimeout(timer);
      relay?.dispose();
      source.dispose();
    }
  }

  private async model(): Promise<vscode.LanguageModelChat | undefined> {
    const chosen = this.chosen;
    const [vendor, ...rest] = chosen.split('/');
    const id = rest.join('/');
    const models = await vscode.lm.selectChatModels(chosen ? { vendor, id } : undefined);
    return models[0];
  }
}

function idOf(m: vscode.LanguageModelChat): string {
  return `${m.vendor}/${m.id}`;
}
