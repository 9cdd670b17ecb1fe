// First half of the crash test (test/runner/crash.js): answers N cards through the extension's
// API, each acknowledged (its promise settled) before the next, then tells the harness, which
// SIGKILLs code-server and the browser at once. Never returns: the kill ends it.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../../src/extension';
import { Rating, Scheduler } from '../../../src/core/schedule/scheduler';

export const CRASH_KEY = 'crash-test';

export async function run(): Promise<void> {
  const count = Number(process.env.DJANGO_PREP_CRASH_CARDS || 20);
  const marker = process.env.DJANGO_PREP_CRASH_MARKER!;
  const api = await vscode.extensions.getExtension<DjangoPrepApi>('django-interview-prep.django-interview-prep')!.activate();
  await api.ready;
  const scheduler = new Scheduler({ fuzz: false });
  for (let i = 0; i < count; i++) {
    await api.progress.review(CRASH_KEY, `card-${i}`, saved => scheduler.review(saved, Rating.Good, new Date()));
  }
  console.log(`[test] answered ${count} cards; asking the harness to kill code-server`);
  fs.writeFileSync(marker, String(count));
  await new Promise(() => { /* the harness kills this process */ });
}
