// Second half of the crash test: after the restart, reports which of the answered cards are in
// the progress the extension loaded and in the history file, and whether the read mark, the
// practice result, the mock interview, the interview date and the note survived.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../../src/extension';
import { reviews } from '../../../src/core/study/reviewLog';
import { parseNotes, noteKey, RECALL_NOTES_KEY } from '../../../src/core/cards/recallNotes';
import { JOURNAL_FILE } from '../../../src/vscode/progress/reviewJournal';
import { CRASH_DATE, CRASH_KEY, CRASH_MOCK, CRASH_NOTE, CRASH_TOPIC } from './answer';

export async function run(): Promise<void> {
  const api = await vscode.extensions.getExtension<DjangoPrepApi>('django-interview-prep.django-interview-prep')!.activate();
  await api.ready;
  // Whether activation had a mark to read from (the first half's, or a later flush's), and how much it read.
  const journalLines = api.progress.loadTimings?.journalLines;
  const journalTotal = await journalLineCount(api);
  const markUsed = journalLines !== undefined && journalTotal > journalLines;
  const doc = api.progress.document(CRASH_KEY);
  const cards = Object.keys(doc.cards);
  const logged = [...reviews(await api.progress.history.full())].filter(r => r.document === CRASH_KEY).map(r => r.card);
  const kept = {
    read: doc.read[CRASH_TOPIC] !== undefined,
    practice: doc.practised[CRASH_TOPIC]?.passed === 3,
    mock: (api.progress.snapshot.mockInterviews ?? []).some(m => m.id === CRASH_MOCK),
    date: api.interview.dates.date === CRASH_DATE,
    note: parseNotes(api.progress.durableState.get(RECALL_NOTES_KEY))[noteKey(CRASH_KEY, 'card-0')]?.text === CRASH_NOTE,
  };
  console.log(`[test] after the restart ${cards.length} answered cards are in progress, ${logged.length} in the history; ${JSON.stringify(kept)}`);
  fs.writeFileSync(process.env.DJANGO_PREP_CRASH_RESULTS!, JSON.stringify({ cards, logged, kept, markUsed, journalLines, journalTotal }));
}

/** Entries in the journal file now (lines but the header). */
async function journalLineCount(api: DjangoPrepApi): Promise<number> {
  const context = (api.progress as unknown as { context: vscode.ExtensionContext }).context;
  const text = await fs.promises.readFile(path.join(context.globalStorageUri.fsPath, JOURNAL_FILE), 'utf8');
  return text.split('\n').filter(l => l && !l.startsWith('{"journal":')).length;
}
