// Every topic of the bundled guide has the parts a reader relies on, and every link resolves.
import * as assert from 'assert';
import { resolveLink } from '../../src/core/document/document';
import { slugify } from '../../src/core/util/text';
import { toTopicView, TopicRenderer } from '../../src/core/document/render';
import { codeBlocks, guide, where } from './guide';

const renderer = new TopicRenderer();
const views = guide.topics.map(t => ({ topic: t, view: toTopicView(renderer, guide, t, 'guide'), words: renderer.render(guide, t).words }));

/** Where a topic's "Docs:" line may point: the projects' own documentation. */
const OFFICIAL = /^https:\/\/(docs\.python\.org|peps\.python\.org|packaging\.python\.org|docs\.djangoproject\.com|www\.django-rest-framework\.org|docs\.celeryq\.dev|redis\.io|docs\.docker\.com|nginx\.org|docs\.gunicorn\.org|gunicorn\.org|www\.uvicorn\.org|uvicorn\.dev|docs\.aws\.amazon\.com|www\.postgresql\.org|git-scm\.com|12factor\.net|developer\.mozilla\.org|owasp\.org|cheatsheetseries\.owasp\.org|opentelemetry\.io|docs\.github\.com|kubernetes\.io|mypy\.readthedocs\.io|typing\.python\.org|www\.rabbitmq\.com|kafka\.apache\.org|whitenoise\.readthedocs\.io|django-storages\.readthedocs\.io|django-filter\.readthedocs\.io|django-rest-framework-simplejwt\.readthedocs\.io|docs\.sentry\.io|prometheus\.io|www\.rfc-editor\.org|datatracker\.ietf\.org)\//;

/** APIs removed from or deprecated in current Django/Python; the guide must not teach them. */
const OUTDATED: Array<[RegExp, string]> = [
  [/\burl\(\s*r?['"]\^/, 'url() (removed in Django 4.0; use path()/re_path())'],
  [/from django\.conf\.urls import url\b/, 'django.conf.urls.url'],
  [/NullBooleanField/, 'NullBooleanField (removed in 4.0)'],
  [/\bugettext/, 'ugettext (removed in 4.0)'],
  [/\bforce_text\b|\bsmart_text\b/, 'force_text/smart_text (removed in 4.0)'],
  [/\{%\s*if(not)?equal/, '{% ifequal %} (removed in 4.0)'],
  [/\bis_ajax\(\)/, 'request.is_ajax() (removed in 4.0)'],
  [/index_together/, 'Meta.index_together (removed in 5.1)'],
  [/DEFAULT_FILE_STORAGE|STATICFILES_STORAGE\s*=/, 'DEFAULT_FILE_STORAGE/STATICFILES_STORAGE (use STORAGES)'],
  [/USE_L10N/, 'USE_L10N (removed in 5.0)'],
  [/\bimport pytz\b|\bpytz\./, 'pytz (Django uses zoneinfo since 4.0)'],
  [/\butcnow\(\)/, 'datetime.utcnow() (deprecated in Python 3.12)'],
  [/assertQuerysetEqual/, 'assertQuerysetEqual (renamed in 4.2)'],
  [/CheckConstraint\([^)]*\bcheck=/, 'CheckConstraint(check=...) (condition= since 5.1)'],
  [/asyncio\.get_event_loop\(\)/, 'asyncio.get_event_loop() (use asyncio.run / get_running_loop)'],
];

describe('the bundled guide', () => {
  it('has every topic the outline and the issue ask for, in sections', () => {
    assert.ok(guide.topics.length >= 50, `${guide.topics.length} topics`);
    assert.ok(guide.topics.every(t => t.section), 'every topic sits in a section');
  });

  it('has unique titles, so every id is the plain slug of its heading path', () => {
    const renamed = guide.topics.filter(t => t.id !== `${t.section!.id}/${slugify(t.title)}`).map(t => t.id);
    assert.deepStrictEqual(renamed, [], 'a de-duplicated id means two headings share a title');
  });

  for (const { topic, view, words } of views) {
    describe(topic.title, () => {
      it('explains it in depth: at least 250 words, what it is, why it matters, an example, the pitfalls', () => {
        assert.ok(words >= 250, `${topic.title}: ${words} words`);
        for (const part of ['Why it matters', 'Example', 'Pitfalls']) {
          assert.match(topic.body, new RegExp(`^#### ${part}$`, 'm'), `${topic.title}: no "${part}"`);
        }
        assert.ok(topic.concepts.length >= 3, `${topic.title}: ${topic.concepts.length} key concepts`);
      });

      it('asks at least three interview questions, each with a model answer', () => {
        assert.ok(view.questions >= 3, `${topic.title}: ${view.questions} questions`);
        const answers = [...view.html.matchAll(/<div class="qa-answer">([\s\S]*?)<\/div>\n<\/details>/g)]
          .map(m => m[1].replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length);
        assert.strictEqual(answers.length, view.questions);
        assert.deepStrictEqual(answers.filter(n => n < 15), [], `${topic.title}: an answer under 15 words`);
      });

      it('links related topics and the official documentation, and every topic link resolves', () => {
        assert.ok(view.related.length >= 1, `${topic.title}: no Related line`);
        const docs = /^Docs:(.*)$/m.exec(topic.body);
        assert.ok(docs, `${topic.title}: no Docs line`);
        const urls = [...docs[1].matchAll(/\]\((https?:[^)\s]+)/g)].map(m => m[1]);
        assert.ok(urls.length >= 1 && urls.every(u => OFFICIAL.test(u)), `${topic.title}: docs links ${urls.join(' ')}`);
        const broken = [...topic.body.matchAll(/\]\(#([^)\s]*)\)/g)].map(m => m[1]).filter(id => !resolveLink(guide, id));
        assert.deepStrictEqual(broken, [], `${topic.title}: broken topic links`);
      });
    });
  }

  it('teaches no removed or deprecated API in its code', () => {
    const found: string[] = [];
    for (const b of codeBlocks()) {
      for (const [pattern, what] of OUTDATED) {
        if (pattern.test(b.code)) { found.push(`${where(b)}: ${what}`); }
      }
    }
    assert.deepStrictEqual(found, []);
  });

  it('says where the user\'s outline got it wrong', () => {
    const body = (id: string) => guide.get(id)?.kind === 'topic' ? (guide.get(id) as { body: string }).body : '';
    assert.match(body('python/decorators'), /^> Outline fix:.*"Dictator".*Decorators/m);
    assert.match(body('architecture/ssr-and-csr-server-vs-client-side-rendering'), /^> Outline fix:.*Speech Recognition.*server-side vs client-side rendering/im);
  });
});
