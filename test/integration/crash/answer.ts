// First half of the crash test (test/runner/crash.js): answers N cards through the extension's
// API, then marks a topic read, records a practice check, finishes a mock interview, sets the
// interview date and saves a note on a card, each acknowledged (its promise settled) before the
// next, then tells the harness, which SIGKILLs code-server and the browser at once. Never
// returns: the kill ends it.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../../src/extension';
import { Rating, Scheduler } from '../../../src/core/schedule/scheduler';
import { noteKey, RECALL_NOTES_KEY, withNote } from '../../../src/core/cards/recallNotes';

export const CRASH_KEY = 'crash-test';
export const CRASH_TOPIC = 'crash/topic';
export const CRASH_MOCK = 'crash-mock-1';
export const CRASH_DATE = '2031-03-14';
export const CRASH_NOTE = 'written just before the kill';

export async function run(): Promise<void> {
  const count = Number(process.env.DJANGO_PREP_CRASH_CARDS || 20);
  const marker = process.env.DJANGO_PREP_CRASH_MARKER!;
  const api = await vscode.extensions.getExtension<DjangoPrepApi>('django-interview-prep.django-interview-prep')!.activate();
  await api.ready;
  const scheduler = new Scheduler({ fuzz: false });
  for (let i = 0; i < count; i++) {
    if (i === count / 2) {
      // The first half stored in globalState with the journal's mark, and in the browser's
      // storage (the harness looks there): the restart reads the journal from that mark.
      await api.progress.flush();
      fs.writeFileSync(process.env.DJANGO_PREP_CRASH_FLUSHED!, '');
      for (const end = Date.now() + 60_000; !fs.existsSync(process.env.DJANGO_PREP_CRASH_STORED!); await new Promise(r => setTimeout(r, 20))) {
        if (Date.now() > end) { throw new Error('the browser did not store the flushed progress within a minute'); }
      }
    }
    const at = new Date();
    await api.progress.review(CRASH_KEY, `card-${i}`, saved => scheduler.review(saved, Rating.Good, at), { rating: Rating.Good, at, answerMs: 2000 });
  }
  await api.progress.markRead(CRASH_KEY, CRASH_TOPIC);
  await api.progress.recordPractice(CRASH_KEY, CRASH_TOPIC, 3, 5);
  await api.progress.recordMockInterview({ id: CRASH_MOCK, doc: CRASH_KEY, at: Date.now() - 60_000, minutes: 15, focus: 'whole document', ms: 50_000, questions: [['card-0', CRASH_TOPIC, 3, 40, 0]] });
  await api.interview.dates.set(CRASH_DATE);
  await api.progress.durableState.update(RECALL_NOTES_KEY, withNote({}, noteKey(CRASH_KEY, 'card-0'), CRASH_NOTE, Date.now()));
  console.log(`[test] answered ${count} cards, marked a topic read, recorded a practice check, a mock interview, a date and a note; asking the harness to kill code-server`);
  fs.writeFileSync(marker, String(count));
  await new Promise(() => { /* the harness kills this process */ });
}
