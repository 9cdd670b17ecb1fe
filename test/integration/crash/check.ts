// Second half of the crash test: after the restart, reports which of the answered cards are in
// the progress the extension loaded.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../../src/extension';
import { CRASH_KEY } from './answer';

export async function run(): Promise<void> {
  const api = await vscode.extensions.getExtension<DjangoPrepApi>('django-interview-prep.django-interview-prep')!.activate();
  await api.ready;
  const cards = Object.keys(api.progress.document(CRASH_KEY).cards);
  console.log(`[test] after the restart ${cards.length} answered cards are in progress`);
  fs.writeFileSync(process.env.DJANGO_PREP_CRASH_RESULTS!, JSON.stringify({ cards }));
}
