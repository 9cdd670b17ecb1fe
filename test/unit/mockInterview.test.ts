import * as assert from 'assert';
import type { CardSource } from '../../src/core/cards/conceptCards';
import { seededRandom } from '../../src/core/util/draws';
import { buildDeck } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import { interviewCard } from '../../src/core/interview/mockInterviewView';
import { interviewPool, MockOptions, MockSession, QUESTION_LIMIT_MS, topicInfo, topicWeight, weightedIndex } from '../../src/core/interview/mockInterview';
import { Rating } from '../../src/core/schedule/scheduler';

const MIN = 60_000;

/** Three sections, two topics each, three open questions per topic (ids recall:<topic>/...). */
function notes(): string {
  const lines = ['# Interview notes'];
  for (const s of ['Python', 'Django', 'Deployment']) {
    lines.push('', `## ${s}`);
    for (const t of ['Basics', 'Advanced']) {
      lines.push('', `### ${s} ${t}`, '', `- Term ${s} ${t}: what it means in a few words`, '');
      for (let i = 1; i <= 3; i++) { lines.push(`Q: ${s} ${t} question ${i}?`, `A: The answer to ${s} ${t} ${i}.`, ''); }
    }
  }
  return lines.join('\n');
}

const doc = parseDocument(notes());
const deck = buildDeck(doc);
const pool = interviewPool(deck, { kind: 'all' });

/** A clock a test moves by hand. */
function manualClock(start = Date.UTC(2025, 2, 14, 9)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

function session(over: Partial<MockOptions> = {}, clock = manualClock()) {
  return new MockSession({
    pool, topics: topicInfo(doc), recall: new Map(), seen: new Set(), lengthMs: 15 * MIN, clock: clock.now, random: seededRandom(42), ...over,
  });
}

describe('mock interview session', () => {
  it('asks only open questions, from the whole document or the focus', () => {
    assert.strictEqual(pool.length, 18);
    assert.ok(pool.every(c => c.kind === 'recall'), 'concept cards are not asked');
    assert.ok(deck.some(c => c.kind === 'concept'), 'though the deck has them');
    const django = doc.items.find(i => i.kind === 'section' && i.title === 'Django')!;
    const section = interviewPool(deck, { kind: 'section', title: 'Django', topics: django.kind === 'section' ? django.topics.map(t => t.id) : [] });
    assert.strictEqual(section.length, 6);
    assert.ok(section.every(c => c.topic.startsWith('django')), section.map(c => c.topic).join());
  });

  it('is the same session for the same seed and clock, and never asks a question twice', () => {
    const run = () => {
      const s = session({ followUpChance: 0.5 });
      const ids: string[] = [];
      for (let q = s.next(); q; q = s.next()) { ids.push(q.card.id); s.reveal(); s.rate(Rating.Good); }
      return ids;
    };
    const a = run();
    assert.deepStrictEqual(run(), a);
    assert.strictEqual(a.length, 18, 'a clock that stands still never runs out: the pool does');
    assert.strictEqual(new Set(a).size, a.length);
  });

  it('moves across sections: the first three questions come from three different sections', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = session({ random: seededRandom(seed), followUpChance: 0 });
      const sections = [];
      for (let i = 0; i < 3; i++) {
        const q = s.next()!;
        sections.push(topicInfo(doc).get(q.card.topic)!.section);
        s.reveal();
        s.rate(Rating.Good);
      }
      assert.strictEqual(new Set(sections).size, 3, `seed ${seed}: ${sections.join(', ')}`);
    }
  });

  it('draws weak and unseen topics more often than strong ones', () => {
    assert.ok(topicWeight(undefined) > topicWeight(0.95));
    assert.ok(topicWeight(0.4) > topicWeight(0.9));
    // Every topic strong except one weak and one never seen.
    const ids = [...new Set(pool.map(c => c.topic))];
    const [weak, unseen] = ids;
    const recall = new Map(ids.map(t => [t, t === weak ? 0.3 : t === unseen ? undefined : 0.97]));
    const firsts = new Map<string, number>();
    for (let seed = 1; seed <= 400; seed++) {
      const q = session({ recall, random: seededRandom(seed) }).next()!;
      firsts.set(q.card.topic, (firsts.get(q.card.topic) ?? 0) + 1);
    }
    const strong = ids.filter(t => t !== weak && t !== unseen).map(t => firsts.get(t) ?? 0);
    assert.ok((firsts.get(weak) ?? 0) > 2 * Math.max(...strong), `weak ${firsts.get(weak)} vs strong ${strong}`);
    assert.ok((firsts.get(unseen) ?? 0) > 2 * Math.max(...strong), `unseen ${firsts.get(unseen)} vs strong ${strong}`);
  });

  it('within a topic, asks a card never reviewed before one reviewed', () => {
    const topic = pool[0].topic;
    const onlyTopic = pool.filter(c => c.topic === topic);
    const seen = new Set(onlyTopic.slice(0, 2).map(c => c.id));
    for (let seed = 1; seed <= 10; seed++) {
      assert.strictEqual(session({ pool: onlyTopic, seen, random: seededRandom(seed) }).next()!.card.id, onlyTopic[2].id);
    }
  });

  it('follows a Good answer up on the same topic, never an Again, a Hard or a skip', () => {
    const s = session({ followUpChance: 1 });
    const first = s.next()!;
    assert.strictEqual(first.followUp, false);
    s.reveal();
    s.rate(Rating.Good);
    const second = s.next()!;
    assert.strictEqual(second.followUp, true);
    assert.strictEqual(second.card.topic, first.card.topic);
    s.reveal();
    s.rate(Rating.Hard);
    assert.strictEqual(s.next()!.followUp, false, 'a Hard answer is not probed');
    s.skip();
    assert.strictEqual(s.next()!.followUp, false, 'nor a skipped one');
    // With no chance at all, a Good answer moves on.
    const never = session({ followUpChance: 0 });
    never.next(); never.reveal(); never.rate(Rating.Easy);
    assert.strictEqual(never.next()!.followUp, false);
  });

  it('keeps the follow-up to topics with a question left', () => {
    const topic = pool[0].topic;
    const one = [pool.find(c => c.topic === topic)!, pool.find(c => c.topic !== topic)!];
    const s = session({ pool: one, followUpChance: 1, random: () => 0 });
    const q = s.next()!;
    s.reveal(); s.rate(Rating.Good);
    const next = s.next()!;
    assert.notStrictEqual(next.card.id, q.card.id);
    assert.strictEqual(next.followUp, false);
  });

  it('times each question to Done, pauses excluded; the soft limit warns and moves nothing', () => {
    const clock = manualClock();
    const s = session({}, clock);
    s.next();
    clock.advance(2 * MIN);
    s.pause();
    clock.advance(10 * MIN); // a long pause counts for nothing
    assert.strictEqual(s.clockView().running, false);
    assert.strictEqual(s.questionMs(), 2 * MIN);
    s.resume();
    clock.advance(1.5 * MIN);
    assert.ok(s.overLimit, 'past three minutes');
    assert.strictEqual(s.clockView().questionLimitMs, QUESTION_LIMIT_MS);
    assert.ok(s.question, 'the question is still on screen: only the reader moves on');
    s.reveal();
    clock.advance(40_000); // rating takes time; not the answer's
    const a = s.rate(Rating.Hard)!;
    assert.strictEqual(a.ms, 3.5 * MIN);
    assert.strictEqual(s.elapsedMs(), 3.5 * MIN + 40_000);
  });

  it('Done while paused resumes the clocks', () => {
    const clock = manualClock();
    const s = session({}, clock);
    s.next();
    clock.advance(MIN);
    s.pause();
    clock.advance(MIN);
    s.reveal();
    assert.strictEqual(s.paused, false);
    assert.strictEqual(s.rate(Rating.Good)!.ms, MIN);
  });

  it('ends when the session time is up, after the question on screen is finished', () => {
    const clock = manualClock();
    const s = session({ lengthMs: 5 * MIN }, clock);
    s.next(); clock.advance(3 * MIN); s.reveal(); s.rate(Rating.Good);
    s.next(); clock.advance(3 * MIN);
    assert.ok(s.timeUp);
    assert.ok(s.question, 'the question is not taken away');
    s.reveal(); s.rate(Rating.Easy);
    assert.strictEqual(s.next(), undefined);
    assert.ok(s.finished);
    const r = s.result();
    assert.strictEqual(r.answers.length, 2);
    assert.strictEqual(r.timeUp, true);
  });

  it('stopping keeps what was rated and leaves out the question on screen', () => {
    const clock = manualClock();
    const s = session({}, clock);
    s.next(); clock.advance(MIN); s.reveal(); s.rate(Rating.Again);
    s.next(); clock.advance(MIN); s.skip();
    s.next(); clock.advance(MIN); s.reveal(); // shown, never rated
    const r = s.stop();
    assert.deepStrictEqual(r.answers.map(a => a.rating), [Rating.Again, undefined]);
    assert.strictEqual(r.answers[1].ms, MIN);
    assert.strictEqual(r.ms, 3 * MIN);
    assert.strictEqual(s.next(), undefined, 'nothing after a stop');
    assert.strictEqual(s.rate(Rating.Good), undefined);
  });

  it('ignores actions out of turn: a rating before Done, a reveal twice', () => {
    const s = session();
    s.next();
    assert.strictEqual(s.rate(Rating.Good), undefined, 'no rating before the answer is shown');
    s.reveal(); s.reveal();
    assert.ok(s.rate(Rating.Good));
    assert.strictEqual(s.rate(Rating.Good), undefined, 'one rating per question');
  });

  it('draws the card with both clocks and the follow-up mark', () => {
    const clock = manualClock();
    const s = session({ followUpChance: 1 }, clock);
    s.next(); s.reveal(); s.rate(Rating.Good);
    const q = s.next()!;
    clock.advance(30_000);
    const md = (t: string) => `<p>${t}</p>`;
    const card = interviewCard(q, 'Python Basics', false, s.clockView(), md, 'my notes');
    assert.strictEqual(card.heading, 'Mock interview · Question 2');
    assert.match(card.sub, /a follow-up$/);
    assert.deepStrictEqual(card.interview, { elapsedMs: 30_000, lengthMs: 15 * MIN, questionMs: 30_000, questionLimitMs: QUESTION_LIMIT_MS, running: true, followUp: true });
    assert.strictEqual(card.phase, 'question');
    assert.strictEqual(card.notes, 'my notes');
    s.reveal();
    const answer = interviewCard(q, 'Python Basics', true, s.clockView(), md);
    assert.strictEqual(answer.phase, 'answer');
    assert.ok(answer.answerHtml?.includes('The answer to'));
  });

  it('picks by weight', () => {
    assert.strictEqual(weightedIndex([1, 0, 0], () => 0.99), 0);
    assert.strictEqual(weightedIndex([0, 0, 1], () => 0), 2);
    assert.strictEqual(weightedIndex([1, 1], () => 0.75), 1);
  });

  it('gives an empty pool for a document with no open questions', () => {
    const plain = parseDocument('# Terms\n\n## Python\n\n### Data\n\n- List: an ordered mutable sequence\n- Tuple: an ordered immutable sequence\n- Set: an unordered collection of unique items\n');
    const cards: CardSource[] = buildDeck(plain);
    assert.ok(cards.length > 0, 'there are concept cards');
    assert.deepStrictEqual(interviewPool(cards, { kind: 'all' }), []);
    const s = session({ pool: [] });
    assert.strictEqual(s.next(), undefined);
    assert.deepStrictEqual(s.stop().answers, []);
  });
});
