// The crash journal on a real disk (a temp folder): what a mark lets activation skip, and every
// way the mark must stop applying (another window wrote in between, the file was rewritten, cut
// short, or written by an older version without a header), so that skipping never loses a line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import { JOURNAL_FILE, journalMarkOf, ReviewJournal } from '../../src/vscode/progress/reviewJournal';
import { emptyDocument, emptyProgress } from '../../src/core/study/progress';
import { Rating, Scheduler } from '../../src/core/schedule/scheduler';

const scheduler = new Scheduler({ fuzz: false });
const card = (daysAgo: number) => scheduler.review(undefined, Rating.Good, new Date(Date.UTC(2026, 11, 7) - daysAgo * 86_400_000));

function folder(): { dir: vscode.Uri; file: string; journal: () => ReviewJournal } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-journal-'));
  const uri = { fsPath: dir } as vscode.Uri;
  return { dir: uri, file: path.join(dir, JOURNAL_FILE), journal: () => new ReviewJournal(uri) };
}

const cardsOf = (j: { progress: { documents: Record<string, { cards: Record<string, unknown> }> } }) => Object.keys(j.progress.documents.guide?.cards ?? {}).sort();

describe('review journal', () => {
  it('reads all of it without a mark, and only what follows a mark with one', async () => {
    const { journal } = folder();
    const a = journal();
    for (const id of ['a', 'b', 'c']) { await a.append('guide', id, card(3)); }
    const whole = await journal().read();
    assert.deepStrictEqual(cardsOf(whole), ['a', 'b', 'c']);
    assert.strictEqual(whole.whole, true);
    const reader = journal();
    await reader.read();
    const mark = reader.mark!;
    await a.append('guide', 'd', card(1));
    const after = await journal().read(mark);
    assert.strictEqual(after.whole, false);
    assert.deepStrictEqual(cardsOf(after), ['d'], 'only the line after the mark');
    assert.strictEqual(after.lines, 1);
  });

  it('moves the mark past its own appends, not past another window\'s', async () => {
    const { journal } = folder();
    const mine = journal();
    const theirs = journal();
    await mine.append('guide', 'a', card(2));
    const afterMine = mine.mark!;
    await mine.append('guide', 'b', card(2));
    assert.ok(mine.mark!.bytes > afterMine.bytes, 'my second line is mine too');
    await theirs.append('guide', 'theirs', card(1));
    const before = mine.mark!;
    await mine.append('guide', 'c', card(1));
    assert.deepStrictEqual(mine.mark, before, 'another window wrote in between: the mark stays');
    // What my progress (with that mark) lacks is read back: their line and my later one.
    assert.deepStrictEqual(cardsOf(await journal().read(mine.mark)), ['c', 'theirs']);
  });

  it('does not move the mark past a setting, which is stored under its own key', async () => {
    const { journal } = folder();
    const j = journal();
    await j.append('guide', 'a', card(1));
    const mark = j.mark!;
    await j.appendState('djangoPrep.interviewDate', '2027-01-10');
    assert.deepStrictEqual(j.mark, mark);
    assert.strictEqual((await journal().read(mark)).states.get('djangoPrep.interviewDate'), '2027-01-10');
  });

  it('reads the whole file when the mark names another file, or lies past its end', async () => {
    const { journal, file } = folder();
    const j = journal();
    for (const id of ['a', 'b']) { await j.append('guide', id, card(1)); }
    const mark = j.mark!;
    assert.strictEqual((await journal().read({ id: 'another-file', bytes: mark.bytes })).whole, true);
    fs.truncateSync(file, mark.bytes - 10);
    const cut = await journal().read(mark);
    assert.strictEqual(cut.whole, true, 'cut short: read again from the start');
    assert.deepStrictEqual(cardsOf(cut), ['a'], 'the cut line is skipped, the rest kept');
  });

  it('ends half a line left by a crash before appending, so the next line is kept', async () => {
    const { journal, file } = folder();
    const j = journal();
    await j.append('guide', 'a', card(1));
    fs.appendFileSync(file, '{"key":"guide","card":"half');
    await j.append('guide', 'b', card(1));
    assert.deepStrictEqual(cardsOf(await journal().read()), ['a', 'b']);
  });

  it('leaves a last line not yet ended for the next read', async () => {
    const { journal, file } = folder();
    const j = journal();
    await j.append('guide', 'a', card(1));
    const line = JSON.stringify({ key: 'guide', card: 'b', saved: card(1) });
    fs.appendFileSync(file, line.slice(0, 20));
    const reader = journal();
    await reader.read();
    fs.appendFileSync(file, line.slice(20) + '\n');
    assert.deepStrictEqual(cardsOf(await journal().read(reader.mark)), ['b'], 'the line finished after the read is read from the mark');
  });

  it('compacts to one line per card under a new header, and no old mark applies to it', async () => {
    const { journal, file } = folder();
    const j = journal();
    for (let i = 10; i >= 0; i--) { await j.append('guide', 'a', card(i)); }
    const fragment = emptyProgress();
    fragment.documents.guide = { ...emptyDocument(), read: { intro: 5 } };
    await j.appendProgress(fragment);
    await j.appendState('djangoPrep.interviewDate', '2027-01-10');
    const before = await journal().read();
    const oldMark = j.mark!;
    assert.strictEqual(await j.compact(), true);
    assert.strictEqual(j.mark, undefined, 'another window\'s lines may be in the file: nothing is claimed');
    assert.strictEqual(fs.readFileSync(file, 'utf8').trim().split('\n').length, 4, 'header, card, fragment, setting');
    const after = await journal().read(oldMark);
    assert.strictEqual(after.whole, true);
    assert.deepStrictEqual(after.progress, before.progress);
    assert.deepStrictEqual([...after.states], [...before.states]);
  });

  it('leaves compaction for later when another window appends meanwhile', async () => {
    const { journal, file } = folder();
    const j = journal();
    for (const id of ['a', 'b']) { await j.append('guide', id, card(1)); }
    const stat = fs.promises.stat;
    let once = true;
    // Another window's line lands between the compaction's read and its rename.
    fs.promises.stat = (async (p: fs.PathLike) => {
      if (once && p === file) { once = false; fs.appendFileSync(file, JSON.stringify({ key: 'guide', card: 'theirs', saved: card(0) }) + '\n'); }
      return stat(p);
    }) as typeof fs.promises.stat;
    try {
      assert.strictEqual(await j.compact(), false);
    } finally {
      fs.promises.stat = stat;
    }
    assert.deepStrictEqual(cardsOf(await journal().read()), ['a', 'b', 'theirs']);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), [JOURNAL_FILE], 'no temp file left');
  });

  it('reads an older version\'s file (no header) whole, and compaction gives it one', async () => {
    const { journal, file } = folder();
    fs.writeFileSync(file, ['a', 'b'].map(id => JSON.stringify({ key: 'guide', card: id, saved: card(1) }) + '\n').join(''));
    const j = journal();
    const old = await j.read();
    assert.deepStrictEqual(cardsOf(old), ['a', 'b']);
    assert.strictEqual(j.mark, undefined, 'no header, no mark');
    await j.append('guide', 'c', card(1));
    assert.strictEqual(j.mark, undefined);
    await j.compact();
    const reader = journal();
    assert.deepStrictEqual(cardsOf(await reader.read()), ['a', 'b', 'c']);
    assert.ok(reader.mark, 'a header now');
  });

  it('starts a deleted file again under a new header', async () => {
    const { journal, file } = folder();
    const j = journal();
    await j.append('guide', 'a', card(1));
    const first = j.mark!;
    fs.rmSync(file);
    await j.append('guide', 'b', card(1));
    assert.notStrictEqual(j.mark!.id, first.id);
    assert.deepStrictEqual(cardsOf(await journal().read(first)), ['b']);
  });

  it('after a reset, the mark covers the empty journal', async () => {
    const { journal } = folder();
    const j = journal();
    await j.append('guide', 'a', card(1));
    await j.clear();
    const read = await journal().read(j.mark);
    assert.strictEqual(read.lines, 0);
    assert.strictEqual(read.whole, false);
  });

  it('takes a mark back from saved progress only when it is one', () => {
    assert.deepStrictEqual(journalMarkOf({ version: 1, documents: {}, journal: { id: 'x1', bytes: 40 } }), { id: 'x1', bytes: 40 });
    for (const bad of [undefined, null, 3, {}, { journal: 'x' }, { journal: { id: 1, bytes: 40 } }, { journal: { id: 'x', bytes: -1 } }, { journal: { id: 'x', bytes: 1.5 } }, { journal: { id: 'x'.repeat(65), bytes: 3 } }]) {
      assert.strictEqual(journalMarkOf(bad), undefined, JSON.stringify(bad));
    }
  });
});
