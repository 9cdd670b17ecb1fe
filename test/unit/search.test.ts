import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../src/core/document/document';
import { foldAccents, nearWordStart, plainText, snippet, TopicSearch } from '../../src/core/document/search';
import { Cancelled } from '../../src/core/util/slices';
import { root } from './paths';

const doc = parseDocument([
  '## Django', '### ORM', '- QuerySet: a lazy collection of rows', '- Prefetch: loads related rows in a second query',
  'Use `select_related` for foreign keys and [prefetch](#django/orm) for many-to-many.',
  '### Caching', 'The **cache** framework stores computed values; `cache.get_or_set` avoids stampedes.',
  '## Python', '### Generators', 'A generator yields values lazily.',
].join('\n'));
const search = new TopicSearch(doc);

describe('topic search', () => {
  it('finds topics by words of their text, titles first, with the snippet around the match', () => {
    const hits = search.search('select_related');
    assert.strictEqual(hits[0].topicId, 'django/orm');
    assert.match(hits[0].snippet, /Use select related for foreign keys|select_related/);
    assert.strictEqual(search.search('caching')[0].topicId, 'django/caching');
  });

  it('matches prefixes and small typos, and all words of the query', () => {
    assert.strictEqual(search.search('generat')[0].topicId, 'python/generators');
    const typo = search.search('genarator');
    assert.strictEqual(typo[0]?.topicId, 'python/generators');
    assert.strictEqual(typo[0].approximate, true, 'found by the fallback, and says so');
    assert.strictEqual(search.search('generat')[0].approximate, undefined);
    assert.deepStrictEqual(search.search('zzzqqq'), []);
    assert.deepStrictEqual(search.search('qqqq'), [], 'sounding alike is not enough: a word must be a typo away');
    assert.deepStrictEqual(search.search('lazy rows').map(h => h.topicId), ['django/orm']);
    assert.deepStrictEqual(search.search('   '), []);
  });

  it('keeps numbers and doubled letters as typed: 500 is not 50, 7777 not 7', () => {
    const numbers = new TopicSearch(parseDocument(['## Codes', '### HTTP 50', 'Not a status code.', '### HTTP 500', 'Server error.', '### Port 7', 'Echo.', '### Port 7777', 'Custom.', '### Class', 'A class.', '### Clas', 'A typo.'].join('\n')));
    assert.deepStrictEqual(numbers.search('500').map(h => h.title), ['HTTP 500']);
    assert.deepStrictEqual(numbers.search('port 7777').map(h => h.title), ['Port 7777']);
    assert.deepStrictEqual(numbers.search('class').map(h => h.title), ['Class']);
  });

  it('points at the concept that matched, so the topic opens scrolled to it', () => {
    assert.strictEqual(search.search('second query')[0].conceptId, 'django/orm#prefetch');
  });

  it('folds accents in snippets and concept picks as the index does', () => {
    const notes = parseDocument(['## Desserts', 'Long introduction. '.repeat(20) + 'Then the crème brûlée, at last.', '', '- Café: where it is served.', '- Bakery: bread and pastries.'].join('\n'));
    const search = new TopicSearch(notes);
    const [hit] = search.search('creme brulee');
    assert.match(hit.snippet, /^…Long introduction\. Long introduction\. Then the crème brûlée/, 'the snippet is around the match, accents kept');
    assert.strictEqual(search.search('cafe')[0]?.conceptId, 'desserts#cafe', 'the concept a folded word names');
    assert.strictEqual(snippet('Un café, s\'il vous plaît', ['CAFÉ']), 'Un café, s\'il vous plaît');
    assert.strictEqual(foldAccents('Ærø crème cre\u0301me 𝔸'), 'Ærø creme creme 𝔸', 'precomposed and combining accents alike');
    const decomposed = `${'Long introduction. '.repeat(20)}The cre\u0301me bru\u0302le\u0301e, at last.`;
    assert.match(snippet(decomposed, ['creme']), /^…Long introduction\. Long introduction\. The cre\u0301me bru\u0302le\u0301e/, 'a position after combining marks maps back');
    assert.match(snippet(decomposed, ['brulee']), /^…Long introduction\. Long introduction\. The cre\u0301me/);
  });

  it('reduces markdown to the words a reader sees and cuts snippets at word boundaries', () => {
    assert.strictEqual(plainText('## Title\n- **Bold**: [link](https://x.y) and `code`\n```python\nx = 1\n```'), 'Title Bold : link and code x = 1');
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega '.repeat(3);
    const s = snippet(text, ['omicron']);
    assert.match(s, /^…\S.*omicron.*\S…$/);
    assert.ok(s.length <= 145);
  });

  it('indexes the bundled guide and finds what a reader would search for', () => {
    const guide = parseDocument(fs.readFileSync(path.join(root, 'content', 'guide', 'django-interview-prep.md'), 'utf8'));
    const guideSearch = new TopicSearch(guide);
    assert.strictEqual(guideSearch.search('select_for_update')[0] !== undefined, true);
    assert.ok(guideSearch.search('N+1 prefetch').some(h => h.topicId === 'django/select-related-prefetch-related-and-n-1'));
    const first = (q: string) => guideSearch.search(q)[0]?.topicId;
    assert.strictEqual(first('GIL'), 'python/concurrency-gil-threads-processes-asyncio');
    assert.strictEqual(first('signal'), 'django/signals');
    assert.strictEqual(first('celary'), 'async-tasks-and-messaging/celery');
    assert.strictEqual(first('midleware'), 'django/request-lifecycle-and-middleware');
    assert.strictEqual(first('isolation level'), 'databases/isolation-levels-and-anomalies');
  });

  it('builds the same index in slices, letting other work run in between', async () => {
    let ranMeanwhile = false;
    setTimeout(() => { ranMeanwhile = true; }, 0);
    const sliced = await TopicSearch.build(doc, 0);
    assert.ok(ranMeanwhile, 'a timer queued before the build ran during it');
    for (const q of ['select_related', 'generat', 'genarator', 'lazy rows', 'second query']) {
      assert.deepStrictEqual(sliced.search(q), search.search(q), q);
    }
  });

  it('stops a build at the next slice once it is cancelled', async () => {
    const many = parseDocument(Array.from({ length: 2000 }, (_, i) => `## Topic ${i}\nText about topic ${i}.`).join('\n'));
    let slices = 0;
    const build = TopicSearch.build(many, 0, () => ++slices >= 3);
    await assert.rejects(build, Cancelled);
    assert.strictEqual(slices, 3, 'asked once per slice, and stopped at the first yes');
    let asked = 0;
    await TopicSearch.build(parseDocument('## One\nA topic.'), 0, () => { asked++; return true; });
    assert.strictEqual(asked, 0, 'a build that finishes in its first slice is never asked');
  });

  it('returns the best `limit` topics when a word is in every topic, titles first', () => {
    const many = parseDocument(Array.from({ length: 300 }, (_, i) => `## ${i === 150 ? 'Django views' : `T${i}`}\nPlain text about django and more django.`).join('\n'));
    const hits = new TopicSearch(many).search('django', 10);
    assert.strictEqual(hits.length, 10);
    assert.strictEqual(hits[0].topicId, 'django-views', 'the one topic with the word in its title');
  });

  it('finds a topic whose title has one word of the query and whose text has the other', () => {
    const split = new TopicSearch(parseDocument(['## Decorators', 'They wrap functions; signals are something else.', '## Signals', 'Sent by models.'].join('\n')));
    assert.deepStrictEqual(split.search('decorators signals').map(h => h.topicId), ['decorators']);
    assert.deepStrictEqual(split.search('signals').map(h => h.topicId), ['signals', 'decorators'], 'the title match first');
  });

  it('counts a word a typo away from the start of a title word as near', () => {
    assert.ok(nearWordStart('genarator', ['iterators', 'generators']));
    assert.ok(nearWordStart('midleware', ['middleware']));
    assert.ok(nearWordStart('celary', ['celery']));
    assert.ok(nearWordStart('gen', ['generators']), 'a short word as a prefix');
    assert.ok(!nearWordStart('gem', ['generators']), 'a short word exactly');
    assert.ok(!nearWordStart('qqqq', ['queue', 'quick']));
  });
});
